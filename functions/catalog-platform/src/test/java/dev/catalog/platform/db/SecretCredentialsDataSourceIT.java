package dev.catalog.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.util.DriverDataSource;
import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.platform.secrets.UsernamePassword;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real PostgreSQL that checks passwords for one role (the local server trusts loopback otherwise), as
 * Aurora checks them for the master user whose secret it rotates.
 */
class SecretCredentialsDataSourceIT {

    private static final String ROLE = "rotating_user";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:rds!cluster-1";

    private static PostgresServer server;

    private final AtomicReference<UsernamePassword> secretValue = new AtomicReference<>();
    private final AtomicInteger secretReads = new AtomicInteger();

    @BeforeAll
    static void startPostgresCheckingPasswords() throws IOException, SQLException {
        Path base = Files.createDirectories(Path.of(requiredProperty("catalog.it.stack.dir")));
        StackLayout layout = new StackLayout(Files.createTempDirectory(base, "postgres-"),
                Path.of(requiredProperty("catalog.dist.dir")));
        server = PostgresServer.start(layout, FreePorts.next(), PostgresServer.ExistingData.WIPE);
        // First match wins: the role's password is checked before the trust lines initdb wrote.
        Path hba = layout.dataDir("postgres").resolve("pg_hba.conf");
        Files.writeString(hba, "host all " + ROLE + " 127.0.0.1/32 scram-sha-256\n" + Files.readString(hba));
        try (Connection admin = server.connection().open(); Statement sql = admin.createStatement()) {
            sql.execute("create role " + ROLE + " login password 'first-password'");
            sql.execute("select pg_reload_conf()");
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void resetPassword() throws SQLException {
        execute("alter role " + ROLE + " password 'first-password'");
        secretValue.set(new UsernamePassword(ROLE, "first-password"));
    }

    @Test
    void reads_the_secret_once_and_keeps_it_for_later_connections() throws SQLException {
        SecretCredentialsDataSource dataSource = dataSource(server.connection().jdbcUrl());

        connectAndClose(dataSource);
        connectAndClose(dataSource);

        assertThat(secretReads).hasValue(1);
    }

    @Test
    void reads_the_secret_again_when_the_server_refuses_a_rotated_password() throws SQLException {
        SecretCredentialsDataSource dataSource = dataSource(server.connection().jdbcUrl());
        connectAndClose(dataSource);

        execute("alter role " + ROLE + " password 'second-password'");
        secretValue.set(new UsernamePassword(ROLE, "second-password"));

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThat(sql.executeQuery("select current_user").next()).isTrue();
        }
        assertThat(secretReads).hasValue(2);
    }

    @Test
    void reports_the_refusal_when_the_secret_itself_is_wrong() {
        secretValue.set(new UsernamePassword(ROLE, "not-the-password"));
        SecretCredentialsDataSource dataSource = dataSource(server.connection().jdbcUrl());

        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
        assertThat(secretReads).hasValue(2);
    }

    @Test
    void does_not_read_the_secret_again_for_failures_that_are_not_about_credentials() {
        SecretCredentialsDataSource dataSource = dataSource(
                server.connection().withDatabase("no_such_database").jdbcUrl());

        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("3D000"));
        assertThat(secretReads).hasValue(1);
    }

    @Test
    void turns_an_unreadable_secret_into_a_connection_failure_that_names_it() {
        SecretCredentialsDataSource dataSource = new SecretCredentialsDataSource(driver(server.connection().jdbcUrl()),
                SECRET, id -> {
                    throw new IllegalStateException("secret " + id + " has no password");
                });

        assertThatThrownBy(dataSource::getConnection)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("cannot read the database credentials from secret " + SECRET)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    private SecretCredentialsDataSource dataSource(String jdbcUrl) {
        return new SecretCredentialsDataSource(driver(jdbcUrl), SECRET, id -> {
            secretReads.incrementAndGet();
            return secretValue.get();
        });
    }

    private static DriverDataSource driver(String jdbcUrl) {
        return new DriverDataSource(jdbcUrl, "org.postgresql.Driver", new Properties(), null, null);
    }

    private static void connectAndClose(SecretCredentialsDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    private static void execute(String statement) throws SQLException {
        try (Connection admin = server.connection().open(); Statement sql = admin.createStatement()) {
            sql.execute(statement);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven");
        }
        return value;
    }
}
