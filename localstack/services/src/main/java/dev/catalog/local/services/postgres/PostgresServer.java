package dev.catalog.local.services.postgres;

import dev.catalog.local.process.JvmExit;
import dev.catalog.local.process.ProcessHandles;
import dev.catalog.local.process.ServiceStartException;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.process.Supervisor;
import dev.catalog.local.services.Distribution;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL for the local stack, from zonky's embedded binaries: logical replication on, durable, data kept
 * across restarts in {@code StackLayout.dataDir("postgres")}.
 *
 * <p>Zonky starts the postmaster through {@code pg_ctl}, which daemonizes it: it is not a child of this JVM and
 * {@link dev.catalog.local.process.ManagedProcess} cannot watch it. Zonky's own shutdown hook stops it when the
 * JVM exits; a JVM killed outright leaves it running, so {@link #start} first stops a postmaster still serving
 * this data directory.
 */
public final class PostgresServer implements Supervisor.Supervised {

    public static final String DATABASE = "catalog";
    private static final String SERVICE = "postgres";
    private static final String HOST = "127.0.0.1";
    // initdb runs with trust authentication for loopback connections: the password is never checked locally.
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    /** What to do with data an earlier run left in the data directory. */
    public enum ExistingData { KEEP, WIPE }

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;
    private final Optional<ProcessHandle> postmaster;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDir, int port) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = port;
        this.postmaster = runningPostmaster(dataDir);
    }

    /** Starts on 127.0.0.1:{@code port} with the data an earlier run left, and creates database catalog if absent. */
    public static PostgresServer start(StackLayout layout, int port) {
        return start(layout, port, ExistingData.KEEP);
    }

    public static PostgresServer start(StackLayout layout, int port, ExistingData existingData) {
        if (JvmExit.begun()) {
            // pg_ctl daemonizes the postmaster: one started now would outlive this JVM.
            throw new ServiceStartException("not starting PostgreSQL: the JVM is shutting down");
        }
        Path dataDir = layout.dataDir(SERVICE);
        Path logFile = layout.logFile(SERVICE);
        stopLeftover(dataDir);
        if (existingData == ExistingData.WIPE) {
            deleteRecursively(dataDir);
        }
        PostgresServer server = new PostgresServer(startPostmaster(layout, dataDir, logFile, port), dataDir, port);
        try {
            server.createDatabaseIfAbsent();
            return server;
        } catch (SQLException e) {
            server.stop();
            throw new ServiceStartException("PostgreSQL started on " + HOST + ":" + port + " but cannot create database "
                    + DATABASE + ": " + e.getMessage() + "; see " + logFile, e);
        }
    }

    private static EmbeddedPostgres startPostmaster(StackLayout layout, Path dataDir, Path logFile, int port) {
        try {
            Files.createDirectories(logFile.getParent());
            Path binaries = Distribution.POSTGRES.home(layout);
            Files.createDirectories(binaries);
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            return EmbeddedPostgres.builder()
                    // Unpacked once per checkout, shared by every stack of it.
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", HOST)
                    // Zonky starts PostgreSQL with -F and synchronous_commit=off, fine for throwaway test
                    // databases; the local stack's data must survive a crash, and these -c settings come later on
                    // the command line, so they win.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    // Debezium reads the outbox through a logical replication slot.
                    .setServerConfig("wal_level", "logical")
                    .setServerConfig("max_replication_slots", "10")
                    .setServerConfig("max_wal_senders", "10")
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setOutputRedirector(toLog)
                    .setErrorRedirector(toLog)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new ServiceStartException("PostgreSQL did not start on " + HOST + ":" + port + " with data in "
                    + dataDir + ": " + e.getMessage() + "; see " + logFile, e);
        }
    }

    public int port() {
        return port;
    }

    /** The postmaster's pid: pg_ctl daemonizes it, so it is found through postmaster.pid, not as a child. */
    @Override
    public long pid() {
        return postmaster.map(ProcessHandle::pid).orElse(-1L);
    }

    /** Completes when the postmaster has ended (the JDK polls a process that is not its child). */
    @Override
    public CompletableFuture<?> onExit() {
        return postmaster.<CompletableFuture<?>>map(ProcessHandle::onExit).orElseGet(CompletableFuture::new);
    }

    /** The catalog database. */
    public PostgresConnection connection() {
        return connectionOnPort(port);
    }

    /** The catalog database of a server running on {@code port}, e.g. one another process started. */
    public static PostgresConnection connectionOnPort(int port) {
        return new PostgresConnection(HOST, port, DATABASE, USER, PASSWORD);
    }

    public List<ReplicationSlot> replicationSlots() {
        return ReplicationSlot.all(connection());
    }

    /** Stops with a fast shutdown: sessions are ended, everything committed is already on disk. */
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("pg_ctl stop failed for {}; waiting for the postmaster anyway", dataDir, e);
        }
        // pg_ctl gives up waiting after 5 s while a large checkpoint may still be running: wait for the process.
        postmaster.ifPresent(handle -> {
            if (!ProcessHandles.waitFor(handle, STOP_TIMEOUT)) {
                log.warn("PostgreSQL (pid {}) did not stop within {} s; killing it", handle.pid(), STOP_TIMEOUT.toSeconds());
                handle.destroyForcibly();
            }
        });
    }

    @Override
    public void close() {
        stop();
    }

    private void createDatabaseIfAbsent() throws SQLException {
        try (Connection connection = connection().withDatabase("postgres").open();
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        }
    }

    /**
     * Stops a postmaster a killed run left serving {@code dataDir}: the pid recorded in postmaster.pid, if it
     * still is a postgres running in that directory (the postmaster changes into its data directory). SIGINT is
     * PostgreSQL's fast shutdown: it ends sessions, so a leftover Debezium connection cannot hold it up.
     */
    private static void stopLeftover(Path dataDir) {
        runningPostmaster(dataDir).ifPresent(leftover -> {
            log.warn("stopping PostgreSQL left running by an earlier run (pid {}, data {})", leftover.pid(), dataDir);
            signal("INT", leftover);
            if (!ProcessHandles.waitFor(leftover, STOP_TIMEOUT)) {
                leftover.destroyForcibly();
                ProcessHandles.waitFor(leftover, Duration.ofSeconds(10));
            }
        });
    }

    private static Optional<ProcessHandle> runningPostmaster(Path dataDir) {
        return readPostmasterPid(dataDir).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> handle.info().command().map(Path::of)
                        .filter(command -> command.getFileName().toString().equals("postgres")).isPresent())
                .filter(handle -> ProcessHandles.runsIn(handle, dataDir));
    }

    private static Optional<Long> readPostmasterPid(Path dataDir) {
        try (Stream<String> lines = Files.lines(dataDir.resolve("postmaster.pid"), StandardCharsets.US_ASCII)) {
            return lines.findFirst().map(String::strip).map(Long::parseLong);
        } catch (IOException | NumberFormatException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static void signal(String signal, ProcessHandle target) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(target.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new ServiceStartException("cannot signal PostgreSQL (pid " + target.pid() + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while stopping PostgreSQL (pid " + target.pid() + ")");
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new ServiceStartException("cannot wipe PostgreSQL's data directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
