package dev.catalog.local.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.catalog.local.bench.EventLedger.Stage;
import dev.catalog.local.client.CatalogClient;
import dev.catalog.local.seed.CatalogGenerator;
import dev.catalog.local.seed.SeedPlan;
import dev.catalog.local.seed.Vocabulary;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.stack.StackStatus;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code ./catalog bench cost}: what one command costs the whole stack, in CPU time per process read from
 * {@code /proc}, beside the idle stack's own use; and what the functions' invocations are billed per command and per
 * event, which is what a deployment pays Lambda for.
 *
 * <p>The window runs from the first command to the moment both read models hold every event of the run, so the
 * pipeline's work on the last commands is in it. The benchmark's own process (its HTTP clients and the once-a-second
 * check of the read models) is measured apart and left out of the stack's figures; that check adds one small query
 * a second to PostgreSQL and to OpenSearch, which is in theirs.
 */
public final class CostBenchmark {

    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration READ_MODEL_CHECK = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * @param status     the stack's status endpoint ({@code ./catalog status --json}), for the functions' metrics
     * @param runtimePid the pid of {@code ./catalog up}
     * @param rate       commands a second, sent open loop as {@code bench lag} sends them
     * @param warmUp     how long the same load runs first, unmeasured: the JVMs of the stack compile what it runs for
     *                   minutes (the first minute of load cost up to half as much again per command in our runs)
     * @param idle       how long the idle stack is measured before the load
     */
    public record Settings(CatalogClient api, PostgresConnection database, URI openSearch, URI status, long runtimePid,
                           int rate, Duration warmUp, Duration duration, Duration idle) {
    }

    private final Settings settings;
    private final String tenant = "bench-cost-" + UUID.randomUUID().toString().substring(0, 8);
    private final EventLedger ledger = new EventLedger();
    private final HttpClient http = HttpClient.newHttpClient();

    public CostBenchmark(Settings settings) {
        this.settings = settings;
    }

    public void run(PrintStream out) throws Exception {
        StackProcesses processes = new StackProcesses(settings.runtimePid(), postmasterPid());
        out.printf("Cost per command, tenant %s, %d commands/s for %d s (the mix of bench lag) after %d s of the same unmeasured. "
                        + "This machine: %d cores, shared with everything else running on it.%n", tenant, settings.rate(),
                settings.duration().toSeconds(), settings.warmUp().toSeconds(), Runtime.getRuntime().availableProcessors());
        CommandDriver driver = new CommandDriver(settings.api(), tenant,
                new CatalogGenerator(Vocabulary.standard(), new SeedPlan(1, 0, List.of(tenant))), ledger);
        try (VisibilityPoller detail = new VisibilityPoller(Stage.DETAIL, ledger, new DetailVersions(settings.database(), tenant), READ_MODEL_CHECK);
             VisibilityPoller search = new VisibilityPoller(Stage.SEARCH, ledger, new SearchVersions(settings.openSearch()), READ_MODEL_CHECK)) {
            // Warms the JIT, the pools and the functions, and leaves the pipeline idle before the idle measurement.
            CommandDriver.Step warmUp = driver.drive(settings.rate(), settings.warmUp());
            // On a fresh stack the first seconds can be answered 503 (Retry-After): the command functions' pools wait
            // for a connection while every JVM still compiles. Said here, since no figure below counts them.
            out.printf("Warm-up: %,d commands answered 2xx, %,d failed, %,d not sent.%n", warmUp.answered(), warmUp.failed(),
                    warmUp.skipped());
            awaitReadModels();

            Map<String, Double> idleStart = processes.cpuMillis();
            long idleStarted = System.nanoTime();
            Thread.sleep(settings.idle().toMillis());
            Map<String, Double> idleUse = minus(processes.cpuMillis(), idleStart);
            double idleSeconds = (System.nanoTime() - idleStarted) / 1e9;

            Map<String, Double> start = processes.cpuMillis();
            Map<String, StackStatus.Function> functionsStart = functions();
            long ownStart = ownCpuMillis();
            int eventsBefore = ledger.committedBetween(0, Long.MAX_VALUE).size();
            long started = System.nanoTime();
            CommandDriver.Step step = driver.drive(settings.rate(), settings.duration());
            boolean caughtUp = awaitReadModels();
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Double> used = minus(processes.cpuMillis(), start);
            long ownUse = ownCpuMillis() - ownStart;
            Map<String, StackStatus.Function> functionsEnd = functions();
            long events = ledger.committedBetween(0, Long.MAX_VALUE).size() - eventsBefore;

            out.printf("%,d commands answered 2xx (%,d failed, %,d not sent), %,d events; window %.1f s, to both read models "
                            + "holding every event%s.%n%n", step.answered(), step.failed(), step.skipped(), events, seconds,
                    caughtUp ? "" : " (NOT reached within " + DRAIN.toSeconds() + " s: the figures include a backlog)");
            printProcesses(out, used, idleUse, idleSeconds, seconds, step.answered());
            out.printf("%nThe benchmark's own process (clients, read-model checks): %,d ms CPU, %.2f ms per command, not in the figures above.%n%n",
                    ownUse, (double) ownUse / step.answered());
            printFunctions(out, functionsStart, functionsEnd, step.answered(), events);
        }
    }

    private void printProcesses(PrintStream out, Map<String, Double> used, Map<String, Double> idleUse, double idleSeconds,
                                double seconds, long commands) {
        out.printf("  %-18s %14s %14s %16s %16s%n", "process", "idle % core", "CPU ms", "ms per command", "net of idle");
        double total = 0;
        double totalNet = 0;
        double totalIdle = 0;
        for (Map.Entry<String, Double> entry : used.entrySet()) {
            double idleShare = idleUse.getOrDefault(entry.getKey(), 0.0) / (idleSeconds * 1000);
            double perCommand = entry.getValue() / commands;
            double net = (entry.getValue() - idleShare * seconds * 1000) / commands;
            out.printf("  %-18s %13.1f%% %14.0f %16.2f %16.2f%n", entry.getKey(), idleShare * 100, entry.getValue(), perCommand, net);
            total += perCommand;
            totalNet += net;
            totalIdle += idleShare;
        }
        out.printf("  %-18s %13.1f%% %14s %16.2f %16.2f%n", "whole stack", totalIdle * 100, "", total, totalNet);
    }

    /**
     * Billed duration per function, then per command for the command functions together (each command is one call of
     * one of them) and per event and per command for the projections together (a batch carries several events).
     */
    private static void printFunctions(PrintStream out, Map<String, StackStatus.Function> start, Map<String, StackStatus.Function> end,
                                       long commands, long events) {
        out.printf("Functions, billed duration (each invocation rounded up to 1 ms, as Lambda bills it) during the window:%n");
        out.printf("  %-34s %12s %8s %12s %14s%n", "function", "invocations", "errors", "billed ms", "ms per call");
        long commandBilled = 0;
        long projectionBilled = 0;
        for (StackStatus.Function after : end.values()) {
            StackStatus.Function before = start.getOrDefault(after.name(), new StackStatus.Function(after.name(), 0, 0, 0));
            long invocations = after.invocations() - before.invocations();
            if (invocations == 0) {
                continue;
            }
            long billed = after.billedMillis() - before.billedMillis();
            if (after.name().contains("Projection")) {
                projectionBilled += billed;
            } else {
                commandBilled += billed;
            }
            out.printf("  %-34s %,12d %,8d %,12d %14.2f%n", after.name(), invocations, after.errors() - before.errors(),
                    billed, (double) billed / invocations);
        }
        out.printf("  command functions:    %8.2f billed ms per command%n", (double) commandBilled / commands);
        out.printf("  projection functions: %8.2f billed ms per event, %.2f per command "
                + "(a batch's time covers all its events; heartbeat-only batches are in it too)%n",
                (double) projectionBilled / events, (double) projectionBilled / commands);
        out.printf("  all functions:        %8.2f billed ms per command%n", (double) (commandBilled + projectionBilled) / commands);
    }

    private boolean awaitReadModels() throws InterruptedException {
        return ledger.awaitSeen(DRAIN, 0, Stage.DETAIL, Stage.SEARCH);
    }

    private Map<String, StackStatus.Function> functions() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(settings.status()).timeout(Duration.ofSeconds(15)).build(),
                HttpResponse.BodyHandlers.ofString());
        StackStatus status = JSON.readValue(response.body(), StackStatus.class);
        return status.functions().stream().collect(Collectors.toMap(StackStatus.Function::name, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }

    /** Found while the backend serving this connection runs: it is the postmaster's child. */
    private long postmasterPid() throws Exception {
        try (Connection connection = settings.database().open(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            return StackProcesses.postmasterOf(row.getLong(1));
        }
    }

    private static long ownCpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    private static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> difference = new LinkedHashMap<>();
        after.forEach((service, millis) -> difference.put(service, millis - before.getOrDefault(service, 0.0)));
        return difference;
    }
}
