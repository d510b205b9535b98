package dev.catalog.local.services.debezium;

import dev.catalog.local.process.JavaRuntime;
import dev.catalog.local.process.ManagedProcess;
import dev.catalog.local.process.ProcessSpec;
import dev.catalog.local.process.ServiceStartException;
import dev.catalog.local.process.Supervisor;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.services.Distribution;
import dev.catalog.local.services.debezium.DebeziumStatus.Health;
import dev.catalog.infra.kafka.KafkaTopic;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.ReplicationSlot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Debezium Server streaming the outbox to Kafka, run from the shared, read-only distribution with the JVM this
 * code runs on, from its own instance directory ({@code StackLayout.dataDir("debezium")}) holding a copy of the
 * repository's {@code debezium-server/application.properties}. Hosts, ports and credentials reach it as
 * environment variables, exactly as in the ECS task.
 *
 * <p>Supervised ({@link Supervisor}): Debezium Server exits when its connector fails for good (a stale offset, a
 * lost slot, Kafka gone), and its health endpoint stays UP while PostgreSQL is down. An exit nobody asked for is
 * followed by a new start after a growing pause, as ECS restarts the task.
 */
public final class DebeziumServer implements AutoCloseable {

    private static final String SERVICE = "debezium";
    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    /**
     * Where Debezium Server runs and what it connects to.
     *
     * @param httpPort    its health endpoint
     * @param overrides   further environment variables, named like the properties they override
     *                    ({@code DEBEZIUM_SOURCE_HEARTBEAT_INTERVAL_MS}); for tests and tuning
     */
    public record Settings(StackLayout layout, int httpPort, PostgresConnection database, String kafkaBootstrapServers,
                           Map<String, String> overrides) {

        public Settings {
            overrides = Map.copyOf(overrides);
        }

        public Settings(StackLayout layout, int httpPort, PostgresConnection database, String kafkaBootstrapServers) {
            this(layout, httpPort, database, kafkaBootstrapServers, Map.of());
        }

        public Settings withOverride(String environmentVariable, String value) {
            Map<String, String> more = new HashMap<>(overrides);
            more.put(environmentVariable, value);
            return new Settings(layout, httpPort, database, kafkaBootstrapServers, more);
        }

        /** The environment the process gets: connection details first, explicit overrides win. */
        Map<String, String> environment() {
            Map<String, String> environment = new HashMap<>();
            environment.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
            environment.put("DEBEZIUM_SOURCE_DATABASE_HOSTNAME", database.host());
            environment.put("DEBEZIUM_SOURCE_DATABASE_PORT", Integer.toString(database.port()));
            environment.put("DEBEZIUM_SOURCE_DATABASE_DBNAME", database.database());
            environment.put("DEBEZIUM_SOURCE_DATABASE_USER", database.user());
            environment.put("DEBEZIUM_SOURCE_DATABASE_PASSWORD", database.password());
            environment.put("DEBEZIUM_SINK_KAFKA_PRODUCER_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
            environment.putAll(overrides);
            return environment;
        }
    }

    /** One run of the process, from its start to its exit. */
    private record Run(ManagedProcess process) implements Supervisor.Supervised {

        @Override
        public CompletableFuture<?> onExit() {
            return process.onExit();
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.stop();
        }
    }

    private final Settings settings;
    private final DebeziumConfiguration configuration;
    private final ProcessSpec spec;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Supervisor<Run> supervisor;

    private DebeziumServer(Settings settings) {
        this.settings = settings;
        this.configuration = new DebeziumConfiguration(settings.environment());
        this.spec = processSpec(settings, configuration);
    }

    /** Starts Debezium Server and waits until its health endpoint says UP; from then on it is supervised. */
    public static DebeziumServer start(Settings settings) {
        DebeziumServer server = new DebeziumServer(settings);
        server.supervisor = Supervisor.start("Debezium Server", server::launch);
        return server;
    }

    /** The topic Debezium sends its heartbeats to, which must exist: the broker does not create topics. */
    public static KafkaTopic heartbeatTopic() {
        return new KafkaTopic(new DebeziumConfiguration(Map.of()).heartbeatTopic(), 1);
    }

    public String slotName() {
        return configuration.slotName();
    }

    public URI healthUri() {
        return URI.create("http://" + HOST + ":" + settings.httpPort() + "/q/health");
    }

    public Path logFile() {
        return spec.logFile();
    }

    public DebeziumStatus status() {
        Supervisor.Status process = supervisor.status();
        Health health = process.state() == Supervisor.State.RUNNING ? health() : Health.UNREACHABLE;
        return new DebeziumStatus(process, health, slot());
    }

    /**
     * SIGKILLs the process, as a crash would; the supervisor starts it again. What it had sent since its last offset
     * flush is sent again then.
     */
    public void kill() {
        supervisor.kill();
    }

    /** Stops gracefully: Debezium flushes its offsets, so the next start re-sends nothing. */
    public void stop() {
        supervisor.close();
    }

    @Override
    public void close() {
        stop();
    }

    /** Starts a process and waits for it to be healthy. */
    private Run launch() {
        ManagedProcess started = ManagedProcess.start(spec);
        try {
            started.awaitReady(STARTUP_TIMEOUT, () -> health() == Health.UP);
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        return new Run(started);
    }

    private Health health() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(healthUri()).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
            // SmallRye Health answers 200 when every check is UP and 503 otherwise.
            return response.statusCode() == 200 ? Health.UP : Health.DOWN;
        } catch (IOException e) {
            return Health.UNREACHABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.UNREACHABLE;
        }
    }

    private Optional<ReplicationSlot> slot() {
        try {
            return ReplicationSlot.all(settings.database()).stream()
                    .filter(slot -> slot.name().equals(slotName()))
                    .findFirst();
        } catch (RuntimeException databaseUnreachable) {
            return Optional.empty();
        }
    }

    private static ProcessSpec processSpec(Settings settings, DebeziumConfiguration configuration) {
        StackLayout layout = settings.layout();
        Path home = Distribution.DEBEZIUM_SERVER.requireHome(layout);
        JavaRuntime java = JavaRuntime.current().requireAtLeast(21, "Debezium Server 3.6");
        Path instance = layout.dataDir(SERVICE);
        configuration.writeTo(instance.resolve("config/application.properties"));

        // The serial collector, as for Kafka: G1's background threads and barriers cost CPU a small heap does not need.
        List<String> command = new ArrayList<>(List.of(java.executable().toString(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError"));
        if (java.feature() >= 24) {
            // jboss-threads resets thread locals through reflection, which Java 24+ refuses without this.
            command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
        // The class path run.sh builds; run.sh itself would need the distribution as working directory.
        command.addAll(List.of("-cp", String.join(":", runnerJar(home).toString(), home.resolve("config/lib").toString(),
                home.resolve("lib") + "/*"), "io.debezium.server.Main"));
        return new ProcessSpec(SERVICE, command, instance, settings.environment(), layout.logFile(SERVICE),
                layout.pidFile(SERVICE), STOP_TIMEOUT, false);
    }

    private static Path runnerJar(Path home) {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(file -> file.getFileName().toString().matches("debezium-server-.*-runner\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new ServiceStartException("no debezium-server-*-runner.jar in " + home));
        } catch (IOException e) {
            throw new ServiceStartException("cannot read " + home + ": " + e.getMessage(), e);
        }
    }
}
