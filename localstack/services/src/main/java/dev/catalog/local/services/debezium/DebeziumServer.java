package dev.catalog.local.services.debezium;

import dev.catalog.local.process.JavaRuntime;
import dev.catalog.local.process.ManagedProcess;
import dev.catalog.local.process.ProcessSpec;
import dev.catalog.local.process.ServiceStartException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Debezium Server streaming the outbox to Kafka, run from the shared, read-only distribution with the JVM this
 * code runs on, from its own instance directory ({@code StackLayout.dataDir("debezium")}) holding a copy of the
 * repository's {@code debezium-server/application.properties}. Hosts, ports and credentials reach it as
 * environment variables, exactly as in the ECS task.
 *
 * <p>Supervised: Debezium Server exits when its connector fails for good (a stale offset, a lost slot), and its
 * health endpoint stays UP while PostgreSQL is down. An exit nobody asked for is followed by a restart after a
 * growing pause; after {@value #MAX_CONSECUTIVE_CRASHES} crashes in a row, each within {@link #STABLE_RUN} of its
 * start, the supervisor gives up and reports {@link State#FAILED}.
 */
public final class DebeziumServer implements AutoCloseable {

    /** What the supervisor is doing with the process. */
    public enum State { RUNNING, RESTARTING, FAILED, STOPPED }

    private static final String SERVICE = "debezium";
    private static final String HOST = "127.0.0.1";
    private static final int MAX_CONSECUTIVE_CRASHES = 5;
    private static final Duration STABLE_RUN = Duration.ofMinutes(1);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(DebeziumServer.class);

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

    private final Settings settings;
    private final DebeziumConfiguration configuration;
    private final ProcessSpec spec;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    // Restarts wait on this thread, and exit notifications run here, never on the JDK's process reaper thread.
    private final ScheduledExecutorService supervisor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("debezium-supervisor").daemon().factory());
    private final Object lock = new Object();

    // Written under lock; read without it so that status() never waits for a start in progress.
    private volatile ManagedProcess process;
    private volatile State state = State.STOPPED;
    private volatile int restarts;
    private Instant runningSince = Instant.MIN;
    private int consecutiveCrashes;

    private DebeziumServer(Settings settings) {
        this.settings = settings;
        this.configuration = new DebeziumConfiguration(settings.environment());
        this.spec = processSpec(settings, configuration);
    }

    /** Starts Debezium Server and waits until its health endpoint says UP; from then on it is supervised. */
    public static DebeziumServer start(Settings settings) {
        DebeziumServer server = new DebeziumServer(settings);
        try {
            synchronized (server.lock) {
                server.launch();
            }
            return server;
        } catch (RuntimeException e) {
            server.supervisor.shutdownNow();
            throw e;
        }
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
        Health health = state == State.RUNNING ? health() : Health.UNREACHABLE;
        return new DebeziumStatus(state, restarts, health, slot());
    }

    /**
     * SIGKILLs the process, as a crash would, and does not restart it: a crash test decides when to
     * {@link #restart()}. What it had sent since its last offset flush is sent again then.
     */
    public void kill() {
        synchronized (lock) {
            state = State.STOPPED;
            process.kill();
        }
    }

    /** Stops the process if it runs, starts it again and waits until it is healthy. */
    public void restart() {
        synchronized (lock) {
            state = State.STOPPED;
            process.stop();
            launch();
        }
    }

    /** Stops gracefully: Debezium flushes its offsets, so the next start re-sends nothing. */
    public void stop() {
        synchronized (lock) {
            state = State.STOPPED;
            supervisor.shutdownNow();
            process.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Starts a process and waits for it to be healthy. Caller holds the lock. */
    private void launch() {
        ManagedProcess started = ManagedProcess.start(spec);
        try {
            started.awaitReady(STARTUP_TIMEOUT, () -> health() == Health.UP);
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        process = started;
        runningSince = Instant.now();
        state = State.RUNNING;
        started.onExit().thenRunAsync(() -> exited(started), supervisor);
    }

    private void exited(ManagedProcess exited) {
        synchronized (lock) {
            if (exited.stopRequested() || exited != process) {
                return;
            }
            int status = exited.onExit().join().exitValue();
            exited.stop();  // forgets it: pid file, shutdown registry
            crashed("exited unexpectedly with status " + status);
        }
    }

    /** Schedules the next restart, or gives up. Caller holds the lock. */
    private void crashed(String what) {
        boolean ranStably = Duration.between(runningSince, Instant.now()).compareTo(STABLE_RUN) > 0;
        consecutiveCrashes = ranStably ? 1 : consecutiveCrashes + 1;
        if (consecutiveCrashes > MAX_CONSECUTIVE_CRASHES) {
            state = State.FAILED;
            log.error("Debezium Server {}; {} crashes in a row, not restarting it again; see {}", what,
                    consecutiveCrashes, spec.logFile());
            return;
        }
        state = State.RESTARTING;
        Duration backoff = backoff(consecutiveCrashes);
        log.warn("Debezium Server {}; restarting it in {} s; see {}", what, backoff.toSeconds(), spec.logFile());
        supervisor.schedule(this::restartAfterCrash, backoff.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restartAfterCrash() {
        synchronized (lock) {
            if (state != State.RESTARTING) {
                return;  // stopped, killed or restarted by hand meanwhile
            }
            restarts++;
            try {
                launch();
                log.info("Debezium Server restarted (restart {})", restarts);
            } catch (ServiceStartException e) {
                crashed("did not come back: " + e.getMessage());
            }
        }
    }

    private static Duration backoff(int crashes) {
        Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(crashes - 1, 5));
        return backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
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

        List<String> command = new ArrayList<>(List.of(java.executable().toString(), "-Xms128m", "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError"));
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
