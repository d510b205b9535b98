package dev.catalog.setup.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.infra.db.DatabaseRole;
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
        for (DatabaseRole role : DatabaseRole.values()) {
            setup.enableLogin(role, new UsernamePassword(role.roleName(), "Generated0Password"));
        }
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

    @Test
    void gives_each_sides_role_its_login_and_refuses_a_secret_naming_another_user() {
        for (DatabaseRole role : DatabaseRole.values()) {
            assertThat(query("select rolcanlogin from pg_roles where rolname = '" + role.roleName() + "'"))
                    .as(role.roleName()).isEqualTo("t");
        }
        assertThatThrownBy(() -> new DatabaseSetup(master).enableLogin(DatabaseRole.QUERY,
                new UsernamePassword("catalog_command", "Generated0Password")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalog_query");
    }

    @Test
    void the_query_role_reads_the_read_views_and_writes_nothing() {
        assertThat(as(DatabaseRole.QUERY, "select count(*) from catalog_read.product_detail")).isEqualTo("0");
        assertThat(as(DatabaseRole.QUERY, "select count(*) from catalog_read.category")).isEqualTo("0");

        assertRefused(DatabaseRole.QUERY, "insert into read_v1.category (tenant_id, id, name, version, updated_at) "
                + "values ('t', gen_random_uuid(), 'n', 1, now())");
        assertRefused(DatabaseRole.QUERY, "delete from catalog_read.product_detail");
        assertRefused(DatabaseRole.QUERY, "select count(*) from product");
        assertRefused(DatabaseRole.QUERY, "select count(*) from outbox");
        assertRefused(DatabaseRole.QUERY, "insert into category (tenant_id, id, name, version, created_at, updated_at) "
                + "values ('t', gen_random_uuid(), 'n', 1, now(), now())");
    }

    @Test
    void the_command_role_writes_the_write_model_and_appends_events_but_cannot_touch_the_read_side() {
        assertThat(as(DatabaseRole.COMMAND, "with created as (insert into category (tenant_id, id, name, version, "
                + "created_at, updated_at) values ('roles', gen_random_uuid(), 'Shoes', 1, now(), now()) returning 1) "
                + "select count(*) from created")).isEqualTo("1");
        assertThat(as(DatabaseRole.COMMAND, "with appended as (insert into outbox (event_id, tenant_id, aggregate_type, "
                + "aggregate_id, aggregate_version, event_key, event_type, schema_version, occurred_at, payload) values "
                + "(gen_random_uuid(), 'roles', 'category', 'c-1', 1, 'roles:c-1', 'CategoryCreated', 1, now(), '{}') "
                + "returning 1) select count(*) from appended")).isEqualTo("1");

        assertRefused(DatabaseRole.COMMAND, "select count(*) from catalog_read.product_detail");
        assertRefused(DatabaseRole.COMMAND, "select count(*) from read_v1.product_detail");
        assertRefused(DatabaseRole.COMMAND, "delete from read_v1.category");
        assertRefused(DatabaseRole.COMMAND, "update outbox set payload = '{}'");
        assertRefused(DatabaseRole.COMMAND, "delete from outbox");
        assertRefused(DatabaseRole.COMMAND, "update projection_version set status = 'FAILED'");
        assertRefused(DatabaseRole.COMMAND, "select create_read_schema('read_v77')");
    }

    @Test
    void the_projection_role_writes_the_read_schemas_and_nothing_of_the_write_model() {
        assertThat(as(DatabaseRole.PROJECTION, "with written as (insert into read_v1.category (tenant_id, id, name, "
                + "version, updated_at) values ('roles', gen_random_uuid(), 'Shoes', 1, now()) returning 1) "
                + "select count(*) from written")).isEqualTo("1");
        assertThat(as(DatabaseRole.PROJECTION, "select count(*) > 0 from projection_version")).isEqualTo("t");

        assertRefused(DatabaseRole.PROJECTION, "select count(*) from product");
        assertRefused(DatabaseRole.PROJECTION, "insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, "
                + "aggregate_version, event_key, event_type, schema_version, occurred_at, payload) values "
                + "(gen_random_uuid(), 'roles', 'category', 'c-2', 1, 'roles:c-2', 'CategoryCreated', 1, now(), '{}')");
        assertRefused(DatabaseRole.PROJECTION, "update projection_version set status = 'LIVE'");
    }

    @Test
    void the_projection_role_may_write_a_read_schema_a_rebuild_creates() {
        query("select create_read_schema('read_v42'), grant_read_schema('read_v42')");

        assertThat(as(DatabaseRole.PROJECTION, "select count(*) from read_v42.product_detail")).isEqualTo("0");
        assertRefused(DatabaseRole.QUERY, "select count(*) from read_v42.product_detail");
    }

    /** The single value {@code sql} answers, connected as {@code role}. */
    private static String as(DatabaseRole role, String sql) {
        try (Connection connection = connectionAs(role); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        } catch (SQLException e) {
            throw new AssertionError(role.roleName() + ": " + sql, e);
        }
    }

    private static void assertRefused(DatabaseRole role, String sql) {
        try (Connection connection = connectionAs(role); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql)).as(role.roleName() + ": " + sql)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState())
                            .as("insufficient_privilege").isEqualTo("42501"));
        } catch (SQLException e) {
            throw new AssertionError(role.roleName(), e);
        }
    }

    private static Connection connectionAs(DatabaseRole role) throws SQLException {
        PostgresConnection owner = server.connection();
        return new PostgresConnection(owner.host(), owner.port(), owner.database(), role.roleName(), "Generated0Password").open();
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
