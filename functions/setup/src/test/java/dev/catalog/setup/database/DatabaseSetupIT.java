package dev.catalog.setup.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.TestStackLayout;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseCredentials;
import dev.catalog.platform.db.DatabaseSettings;
import dev.catalog.platform.secrets.UsernamePassword;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL, as the master user of a new cluster. */
class DatabaseSetupIT {

    private static final UsernamePassword DEBEZIUM = new UsernamePassword("debezium", "Generated0Password");

    private static PostgresServer server;
    private static DataSource master;

    @BeforeAll
    static void migrateAndPrepareDebezium() {
        server = PostgresServer.start(TestStackLayout.create("postgres"), FreePorts.next(),
                PostgresServer.ExistingData.WIPE);
        PostgresConnection connection = server.connection();
        master = ConnectionPool.create(new DatabaseSettings(connection.jdbcUrl(),
                new DatabaseCredentials.Given(connection.user(), connection.password()), 2), "setup-it");
        DatabaseSetup setup = new DatabaseSetup(master);
        assertThat(setup.migrate()).isPositive();
        setup.prepareDebezium(DEBEZIUM, "catalog_outbox");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void applies_the_write_models_migrations_once() {
        assertThat(new DatabaseSetup(master).migrate()).isZero();
        assertThat(query("select to_regclass('public.outbox') is not null")).isEqualTo("t");
    }

    @Test
    void gives_debezium_a_user_that_can_replicate_read_the_outbox_and_append_heartbeats() {
        assertThat(query("select rolreplication and rolcanlogin from pg_roles where rolname = 'debezium'")).isEqualTo("t");
        assertThat(query("select has_table_privilege('debezium', 'public.outbox', 'select, insert')")).isEqualTo("t");
        assertThat(query("select has_schema_privilege('debezium', 'public', 'create')")).isEqualTo("t");
    }

    @Test
    void lets_debezium_append_a_heartbeat_as_its_action_query_does() throws SQLException {
        PostgresConnection master = server.connection();
        try (Connection debezium = new PostgresConnection(master.host(), master.port(), master.database(),
                DEBEZIUM.username(), DEBEZIUM.password()).open();
             Statement sql = debezium.createStatement()) {
            int appended = sql.executeUpdate("""
                    insert into public.outbox (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version,
                      event_key, event_type, schema_version, occurred_at, payload)
                    select gen_random_uuid(), '*', 'heartbeat', 'debezium', 1, '*:debezium', 'Heartbeat', 1, now(),
                      jsonb_build_object('emittedAt', now())""");
            assertThat(appended).isEqualTo(1);
        }
    }

    @Test
    void publishes_the_outbox_only() {
        assertThat(query("select string_agg(schemaname || '.' || tablename, ',') from pg_publication_tables "
                + "where pubname = 'catalog_outbox'")).isEqualTo("public.outbox");
    }

    @Test
    void runs_again_on_the_next_deploy_without_failing_and_takes_a_new_password() {
        new DatabaseSetup(master).prepareDebezium(new UsernamePassword("debezium", "Rotated0Password"), "catalog_outbox");

        assertThat(query("select count(*) from pg_publication where pubname = 'catalog_outbox'")).isEqualTo("1");
        assertThat(query("select rolpassword is not null from pg_authid where rolname = 'debezium'")).isEqualTo("t");
    }

    private static String query(String sql) {
        try (Connection connection = master.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }
}
