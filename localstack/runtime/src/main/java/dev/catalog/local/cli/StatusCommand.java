package dev.catalog.local.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackStatus;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog status}: each service and endpoint, each projection version and how far behind it is. */
@Command(name = "status", description = "Show each service, endpoint and projection of the running local stack.")
final class StatusCommand implements Callable<Integer> {

    /** The runtime answers within a few seconds whatever is down (each component gets 4 s); this is a wide margin. */
    private static final Duration ANSWER_TIME = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Option(names = "--json", description = "Print machine-readable JSON.")
    private boolean json;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<StackRecord> running = StackRecord.running(CatalogCommand.projectDir());
        if (running.isEmpty()) {
            if (json) {
                System.out.println("{\"running\": false}");
            } else {
                System.out.println("Catalog is not running. Start it with ./catalog up");
            }
            return 3;
        }
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(LocalStack.statusUrl(running.get().ports())).timeout(ANSWER_TIME).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // The runtime's process is alive (checked above) but its endpoint does not answer: say so, no stack trace.
            String problem = "the runtime (pid " + running.get().pid() + ") did not answer on "
                    + LocalStack.statusUrl(running.get().ports()) + " within " + ANSWER_TIME.toSeconds() + " s: " + e;
            System.out.println(json ? JSON.writeValueAsString(Map.of("running", true, "answered", false, "error", problem))
                    : "Catalog is running, but " + problem + "; see .local/logs/");
            return 4;
        }
        if (json) {
            System.out.println(response.body());
            return 0;
        }
        StackStatus status = JSON.readValue(response.body(), StackStatus.class);
        System.out.printf("Catalog is running (pid %d, since %s)%n%n", running.get().pid(), running.get().startedAt());
        for (StackStatus.Service service : status.services()) {
            System.out.printf("  %-16s %-8s %-40s %s%n", service.name(), service.state(), service.endpoint(), details(service.details()));
        }
        System.out.println();
        System.out.println("  Projections");
        for (StackStatus.Projection projection : status.projections()) {
            System.out.printf("    %-7s v%-3d %-9s %-12s last sequence %-9d events %-9d %s%s%n",
                    projection.projection(), projection.version(), projection.status(), projection.target(),
                    projection.lastSequenceApplied(), projection.eventsApplied(),
                    projection.eventsBehind() == null ? "" : "behind " + projection.eventsBehind() + " events, ",
                    projection.heartbeatAgeSeconds() == null ? "no heartbeat applied yet"
                            : String.format("newest heartbeat %.1f s old", projection.heartbeatAgeSeconds()));
        }
        System.out.println();
        System.out.printf("  Dead letters     %s%n", status.deadLetters() == null ? "? (Kafka did not answer)"
                : status.deadLetters() == 0 ? "none" : status.deadLetters() + " records: ./catalog dead-letters lists them");
        System.out.println();
        System.out.println("  Event source mappings");
        for (StackStatus.EventSource source : status.eventSources()) {
            System.out.printf("    %-26s %-9s lag %-7s retries %-4d to failure topic %-4d last batch %s (%s)%n",
                    source.function(), source.state(), source.lag() == null ? "?" : source.lag(), source.retries(), source.recordsSentToDestination(),
                    source.lastBatchAt() == null ? "never" : source.lastBatchAt(), source.lastOutcome() == null ? "-" : source.lastOutcome());
        }
        System.out.println();
        System.out.println("  Functions (since the stack started; billed = each invocation's duration rounded up to 1 ms)");
        for (StackStatus.Function function : status.functions()) {
            System.out.printf("    %-34s invocations %-8d errors %-5d billed %,d ms%n", function.name(), function.invocations(),
                    function.errors(), function.billedMillis());
        }
        System.out.println();
        System.out.println("  Schedules (template.yaml's, run by a timer as EventBridge runs them)");
        for (StackStatus.Schedule schedule : status.schedules()) {
            System.out.printf("    %-34s %-16s next run %s, %s%n", schedule.schedule(), schedule.expression(),
                    schedule.nextRunAt().truncatedTo(ChronoUnit.SECONDS), schedule.lastRunAt() == null ? "not run yet"
                            : "last run " + schedule.lastRunAt().truncatedTo(ChronoUnit.SECONDS) + " (" + schedule.lastRunMillis()
                            + " ms): " + schedule.lastRunOutcome());
        }
        return 0;
    }

    private static String details(Map<String, Object> details) {
        return details.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).collect(Collectors.joining(", "));
    }
}
