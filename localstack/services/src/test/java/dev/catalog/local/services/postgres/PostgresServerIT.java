package dev.catalog.local.services.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.JavaRuntime;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.services.TestStacks;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresServerIT {

    @Test
    void runs_durable_with_logical_replication() throws SQLException {
        StackLayout layout = TestStacks.fresh("postgres-settings");
        long started = System.nanoTime();
        try (PostgresServer postgres = PostgresServer.start(layout, FreePorts.next());
             Connection connection = postgres.connection().open()) {
            System.out.printf("postgres: initdb, start and create database in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(show(connection, "fsync")).isEqualTo("on");
            assertThat(show(connection, "synchronous_commit")).isEqualTo("on");
            assertThat(show(connection, "wal_level")).isEqualTo("logical");
            assertThat(show(connection, "max_replication_slots")).isEqualTo("10");
            assertThat(show(connection, "max_wal_senders")).isEqualTo("10");
            assertThat(show(connection, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(connection.getCatalog()).isEqualTo(PostgresServer.DATABASE);
        }
    }

    @Test
    void keeps_committed_data_across_restarts() throws SQLException {
        StackLayout layout = TestStacks.fresh("postgres-restart");
        int port = FreePorts.next();
        try (PostgresServer postgres = PostgresServer.start(layout, port)) {
            execute(postgres.connection(), "create table kept (value text)", "insert into kept values ('before restart')");
        }
        long started = System.nanoTime();
        try (PostgresServer postgres = PostgresServer.start(layout, port)) {
            System.out.printf("postgres: restarted on existing data in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(query(postgres.connection(), "select value from kept")).containsExactly("before restart");
        }
    }

    @Test
    void starts_empty_when_asked_to_wipe_the_data() throws SQLException {
        StackLayout layout = TestStacks.fresh("postgres-wipe");
        int port = FreePorts.next();
        try (PostgresServer postgres = PostgresServer.start(layout, port)) {
            execute(postgres.connection(), "create table wiped (value text)");
        }
        try (PostgresServer postgres = PostgresServer.start(layout, port, PostgresServer.ExistingData.WIPE)) {
            assertThat(query(postgres.connection(), "select to_regclass('wiped')::text")).containsExactly((String) null);
        }
    }

    @Test
    void stops_a_postmaster_left_running_by_a_killed_jvm() throws Exception {
        StackLayout layout = TestStacks.fresh("postgres-leftover");
        int port = FreePorts.next();
        Process runtime = startInChildJvm(layout, port);
        try {
            PostgresConnection database = awaitConnectable(layout, port);
            execute(database, "create table survivor (value text)", "insert into survivor values ('committed')");
            ProcessHandle leftover = postmaster(layout).orElseThrow();

            runtime.destroyForcibly().waitFor();  // SIGKILL: no shutdown hook runs
            assertThat(leftover.isAlive()).as("postmaster outlives the killed JVM").isTrue();

            try (PostgresServer postgres = PostgresServer.start(layout, port)) {
                assertThat(leftover.isAlive()).isFalse();
                assertThat(query(postgres.connection(), "select value from survivor")).containsExactly("committed");
            }
        } finally {
            runtime.destroyForcibly();
            postmaster(layout).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void stops_postgres_when_the_jvm_exits() throws Exception {
        StackLayout layout = TestStacks.fresh("postgres-jvm-exit");
        int port = FreePorts.next();
        Process runtime = startInChildJvm(layout, port);
        try {
            awaitConnectable(layout, port);
            ProcessHandle postmaster = postmaster(layout).orElseThrow();

            runtime.destroy();  // SIGTERM: shutdown hooks run, as on Ctrl-C

            await().atMost(Duration.ofSeconds(30)).until(() -> !postmaster.isAlive());
        } finally {
            runtime.destroyForcibly();
            postmaster(layout).ifPresent(ProcessHandle::destroy);
        }
    }

    private static Process startInChildJvm(StackLayout layout, int port) throws IOException {
        Files.createDirectories(layout.root());
        return new ProcessBuilder(JavaRuntime.current().executable().toString(),
                "-cp", System.getProperty("java.class.path"),
                PostgresInChildJvm.class.getName(), layout.root().toString(), layout.distDir().toString(),
                Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(layout.root().resolve("child-jvm.log").toFile())
                .start();
    }

    private static PostgresConnection awaitConnectable(StackLayout layout, int port) {
        PostgresConnection database = new PostgresConnection("127.0.0.1", port, PostgresServer.DATABASE, "postgres", "postgres");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            try (Connection ignored = database.open()) {
                return true;
            }
        });
        return database;
    }

    private static Optional<ProcessHandle> postmaster(StackLayout layout) throws IOException {
        var pidFile = layout.dataDir("postgres").resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()));
    }

    private static void execute(PostgresConnection database, String... statements) throws SQLException {
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> query(PostgresConnection database, String sql) throws SQLException {
        try (Connection connection = database.open();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new java.util.ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private static String show(Connection connection, String setting) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("show " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
