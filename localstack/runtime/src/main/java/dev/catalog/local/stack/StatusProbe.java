package dev.catalog.local.stack;

import dev.catalog.local.eventsources.MappingStatus;
import dev.catalog.local.deadletters.DeadLetterTopic;
import dev.catalog.local.process.Supervisor;
import dev.catalog.local.schedules.Schedules;
import dev.catalog.local.services.debezium.DebeziumStatus;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.platform.projection.ProjectionVersionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Looks at each component of a running stack, the way a person checking on it would: by asking it. Every question
 * is asked at once and waited for at most {@link #ANSWER_TIME}, so the status always answers, whatever is down: a
 * component that does not answer in time is shown as such, never as a failed status.
 */
final class StatusProbe {

    static final Duration ANSWER_TIME = Duration.ofSeconds(4);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final LocalStack stack;

    StatusProbe(LocalStack stack) {
        this.stack = stack;
    }

    StackStatus probe() {
        // Not closed by try-with-resources: close() would wait for a question that hangs; shutdownNow() does not.
        ExecutorService askers = Executors.newVirtualThreadPerTaskExecutor();
        try {
            long deadline = System.nanoTime() + ANSWER_TIME.toNanos();
            Map<String, Supervisor.Status> processes = new LinkedHashMap<>();
            stack.processes().forEach(process -> processes.put(process.name(), process));
            Future<StackStatus.Service> api = askers.submit(() ->
                    new StackStatus.Service("HTTP API", stack.apiUrl().toString(), httpState(stack.apiUrl()), Map.of()));
            Future<StackStatus.Service> console = askers.submit(() ->
                    new StackStatus.Service("Console", stack.consoleUrl().toString(), httpState(stack.consoleUrl()), Map.of()));
            Future<StackStatus.Service> postgres = askers.submit(() -> postgres(stack.database()));
            Future<StackStatus.Service> kafka = askers.submit(() -> kafka(stack.kafkaBootstrapServers()));
            Future<StackStatus.Service> debezium = askers.submit(() ->
                    debezium(stack.debeziumStatus(), stack.settings().ports().debezium()));
            Future<StackStatus.Service> openSearch = askers.submit(() -> openSearch(stack.openSearchUrl()));
            Future<List<StackStatus.EventSource>> sources = askers.submit(() -> eventSources(stack.eventSources().status()));
            Future<Long> deadLetters = askers.submit(() -> new DeadLetterTopic(stack.kafkaBootstrapServers()).count());

            List<StackStatus.Service> services = new ArrayList<>();
            services.add(answer(api, deadline, () -> unanswered("HTTP API", stack.apiUrl().toString())));
            services.add(new StackStatus.Service("AWS endpoint", stack.awsEndpoint().url().toString(), "up",
                    Map.of("apis", "Step Functions, Lambda")));
            services.add(answer(console, deadline, () -> unanswered("Console", stack.consoleUrl().toString())));
            services.add(supervised(answer(postgres, deadline, () -> unanswered("PostgreSQL", stack.database().jdbcUrl())),
                    processes.get("PostgreSQL")));
            services.add(supervised(answer(kafka, deadline, () -> unanswered("Kafka", stack.kafkaBootstrapServers())),
                    processes.get("Kafka")));
            services.add(supervised(answer(debezium, deadline, () -> unanswered("Debezium Server",
                    "http://127.0.0.1:" + stack.settings().ports().debezium())), processes.get("Debezium Server")));
            services.add(supervised(answer(openSearch, deadline, () -> unanswered("OpenSearch", stack.openSearchUrl().toString())),
                    processes.get("OpenSearch")));
            List<StackStatus.EventSource> eventSources = answer(sources, deadline,
                    () -> eventSources(stack.eventSources().statusWithoutLag()).stream().map(StatusProbe::withoutLag).toList());
            Future<List<StackStatus.Projection>> projections = askers.submit(() -> projections(stack.database(), eventSources));
            List<StackStatus.Function> functions = stack.functions().metrics().stream()
                    .map(totals -> new StackStatus.Function(totals.function(), totals.invocations(), totals.errors(),
                            totals.billedMillis()))
                    .toList();
            List<StackStatus.Schedule> schedules = stack.schedules().states().stream().map(StatusProbe::schedule).toList();
            return new StackStatus(Instant.now(), services,
                    answer(projections, System.nanoTime() + ANSWER_TIME.toNanos(), List::of), eventSources, functions,
                    schedules, answer(deadLetters, deadline, () -> null));
        } finally {
            askers.shutdownNow();
        }
    }

    private static StackStatus.Schedule schedule(Schedules.State state) {
        return new StackStatus.Schedule(state.schedule().id(), state.schedule().event().expression(), state.nextRunAt(),
                state.lastRun().map(Schedules.Run::at).orElse(null),
                state.lastRun().map(run -> run.took().toMillis()).orElse(null),
                state.lastRun().map(Schedules.Run::outcome).orElse(null));
    }

    /** The answer if it came before the deadline, {@code late} if not; the question goes on alone, then ends. */
    private static <T> T answer(Future<T> question, long deadline, java.util.function.Supplier<T> late) {
        try {
            return question.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            question.cancel(true);
            return late.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return late.get();
        }
    }

    private static StackStatus.Service unanswered(String name, String endpoint) {
        return new StackStatus.Service(name, endpoint, "no answer",
                Map.of("error", "no answer within " + ANSWER_TIME.toSeconds() + " s"));
    }

    /**
     * Adds what the supervisor knows: whether the process runs or is being started again, since when, how often it
     * was restarted and why it last went down. A process being started again is down, whatever a probe says.
     */
    private static StackStatus.Service supervised(StackStatus.Service probed, Supervisor.Status process) {
        if (process == null) {
            return probed;
        }
        Map<String, Object> details = new LinkedHashMap<>(probed.details());
        details.put("process", process.state().name());
        details.put("since", process.since().toString());
        details.put("restarts", process.restarts());
        process.pid().ifPresent(pid -> details.put("pid", pid));
        process.lastExit().ifPresent(exit -> details.put("lastExit", exit));
        String state = process.state() == Supervisor.State.RUNNING ? probed.state() : "down";
        return new StackStatus.Service(probed.name(), probed.endpoint(), state, details);
    }

    private static StackStatus.EventSource withoutLag(StackStatus.EventSource source) {
        return new StackStatus.EventSource(source.function(), source.consumerGroup(), source.state(), source.lastBatchAt(),
                source.lastOutcome(), source.retries(), source.recordsSentToDestination(), null);
    }

    private static StackStatus.Service postgres(PostgresConnection database) {
        try (Connection connection = database.open(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select current_setting('server_version'), pg_database_size(current_database())")) {
            row.next();
            return new StackStatus.Service("PostgreSQL", database.jdbcUrl(), "up",
                    Map.of("version", row.getString(1), "size", megabytes(row.getLong(2))));
        } catch (SQLException e) {
            return new StackStatus.Service("PostgreSQL", database.jdbcUrl(), "down", Map.of("error", e.getMessage()));
        }
    }

    private static StackStatus.Service kafka(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000))) {
            Set<String> topics = admin.listTopics().names().get(3, TimeUnit.SECONDS);
            return new StackStatus.Service("Kafka", bootstrapServers, "up",
                    Map.of("topics", topics.stream().sorted().toList()));
        } catch (Exception e) {
            return new StackStatus.Service("Kafka", bootstrapServers, "down", Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static StackStatus.Service debezium(DebeziumStatus status, int port) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("health", status.health().name());
        status.slot().ifPresent(slot -> {
            details.put("slot", slot.name());
            details.put("slotActive", slot.active());
            details.put("slotLagBytes", slot.lagBytes());
        });
        return new StackStatus.Service("Debezium Server", "http://127.0.0.1:" + port,
                status.process().state() == Supervisor.State.RUNNING ? status.health().name() : "down", details);
    }

    private static StackStatus.Service openSearch(URI baseUri) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(baseUri.resolve("/_cluster/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            String status = response.body().replaceAll(".*\"status\"\\s*:\\s*\"(\\w+)\".*", "$1");
            return new StackStatus.Service("OpenSearch", baseUri.toString(), status, Map.of());
        } catch (Exception e) {
            return new StackStatus.Service("OpenSearch", baseUri.toString(), "down", Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private static final ProjectionVersionStore VERSIONS = new ProjectionVersionStore();

    private static List<StackStatus.Projection> projections(PostgresConnection database, List<StackStatus.EventSource> sources) {
        List<StackStatus.Projection> projections = new ArrayList<>();
        try (Connection connection = database.open()) {
            for (ProjectionVersionStore.Overview version : VERSIONS.overview(connection)) {
                Long behind = "LIVE".equals(version.status()) ? sources.stream()
                        .filter(source -> ProjectionName.find(version.projection()).map(ProjectionName::liveFunction)
                                .filter(source.function()::equals).isPresent())
                        .map(StackStatus.EventSource::lag).filter(java.util.Objects::nonNull).findFirst().orElse(null) : null;
                Instant heartbeat = version.lastHeartbeatAt();
                projections.add(new StackStatus.Projection(version.projection(), version.version(), version.status(),
                        version.target(), version.lastSequenceApplied(), version.eventsApplied(), version.lastAppliedAt(), behind,
                        heartbeat == null ? null : Duration.between(heartbeat, Instant.now()).toMillis() / 1000.0));
            }
        } catch (SQLException e) {
            // no projections to show while the database is down; the PostgreSQL line says why
        }
        return projections;
    }

    private static List<StackStatus.EventSource> eventSources(List<MappingStatus> mappings) {
        return mappings.stream()
                .map(mapping -> new StackStatus.EventSource(mapping.function(), mapping.consumerGroup(), mapping.state().name(),
                        mapping.lastBatchAt().orElse(null), mapping.lastOutcome().orElse(null), mapping.retries(),
                        mapping.recordsSentToDestination(),
                        mapping.lag().stream().mapToLong(MappingStatus.PartitionLag::lag).sum()))
                .toList();
    }

    private static String httpState(URI url) {
        try {
            HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return "up";
        } catch (Exception e) {
            return "down";
        }
    }

    private static String megabytes(long bytes) {
        return String.format("%.1f MB", bytes / 1_048_576.0);
    }
}
