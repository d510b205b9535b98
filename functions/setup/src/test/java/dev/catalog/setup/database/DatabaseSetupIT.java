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

    private static PostgresServer server;
    private static DataSource master;

    @BeforeAll
    static void migrateAndEnableTheLogins() {
        server = PostgresServer.start(TestStackLayout.create("postgres"), FreePorts.next(),
                PostgresServer.ExistingData.WIPE);
        PostgresConnection connection = server.connection();
        master = ConnectionPool.create(new DatabaseSettings(connection.jdbcUrl(),
                new DatabaseCredentials.Given(connection.user(), connection.password()), 2), "setup-it");
        DatabaseSetup setup = new DatabaseSetup(master);
        assertThat(setup.migrate()).isPositive();
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
    void gives_debezium_a_role_that_can_replicate_read_the_outbox_and_append_heartbeats_and_nothing_more() {
        assertThat(query("select rolreplication and rolcanlogin from pg_roles where rolname = 'catalog_debezium'")).isEqualTo("t");
        assertThat(query("select has_table_privilege('catalog_debezium', 'public.outbox', 'select, insert')")).isEqualTo("t");
        assertThat(query("select has_table_privilege('catalog_debezium', 'public.debezium_offset_storage', "
                + "'select, insert, delete')")).isEqualTo("t");
        assertThat(query("select has_schema_privilege('catalog_debezium', 'public', 'create')")).isEqualTo("f");
    }

    @Test
    void lets_debezium_append_a_heartbeat_as_its_action_query_does() {
        assertThat(as(DatabaseRole.DEBEZIUM, """
                with appended as (insert into public.outbox (event_id, tenant_id, aggregate_type, aggregate_id,
                  aggregate_version, event_key, event_type, schema_version, occurred_at, payload)
                select gen_random_uuid(), '*', 'heartbeat', 'debezium', 1, '*:debezium', 'Heartbeat', 1, now(),
                  jsonb_build_object('emittedAt', now()) returning 1)
                select count(*) from appended""")).isEqualTo("1");
    }

    @Test
    void publishes_the_outbox_only() {
        assertThat(query("select string_agg(schemaname || '.' || tablename, ',') from pg_publication_tables "
                + "where pubname = 'catalog_outbox'")).isEqualTo("public.outbox");
    }

    @Test
    void runs_again_on_the_next_deploy_without_failing_and_takes_a_new_password() {
        DatabaseSetup setup = new DatabaseSetup(master);
        setup.migrate();
        setup.enableLogin(DatabaseRole.DEBEZIUM, new UsernamePassword("catalog_debezium", "Rotated0Password"));

        assertThat(query("select count(*) from pg_publication where pubname = 'catalog_outbox'")).isEqualTo("1");
        assertThat(query("select rolpassword is not null from pg_authid where rolname = 'catalog_debezium'")).isEqualTo("t");
        setup.enableLogin(DatabaseRole.DEBEZIUM, new UsernamePassword("catalog_debezium", "Generated0Password"));
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
        assertRefused(DatabaseRole.COMMAND, "select rebuild_create_read_schema('read_v77')");
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
    void a_read_schema_the_rebuild_role_creates_is_the_projections_to_write_and_the_readers_to_read_once_pointed_at() {
        assertThat(as(DatabaseRole.REBUILD, "select count(*) from (select rebuild_create_read_schema('read_v42')) created"))
                .isEqualTo("1");

        assertThat(as(DatabaseRole.PROJECTION, "with written as (insert into read_v42.category (tenant_id, id, name, "
                + "version, updated_at) values ('roles', gen_random_uuid(), 'Boots', 1, now()) returning 1) "
                + "select count(*) from written")).isEqualTo("1");
        assertThat(as(DatabaseRole.REBUILD, "select count(*) from read_v42.category")).isEqualTo("1");
        assertRefused(DatabaseRole.QUERY, "select count(*) from read_v42.product_detail");
        // Owned by the migrations' owner, not by the role that asked for it.
        assertThat(query("select pg_get_userbyid(nspowner) = current_user from pg_namespace where nspname = 'read_v42'"))
                .isEqualTo("t");

        as(DatabaseRole.REBUILD, "select count(*) from (select rebuild_point_read_views('read_v42')) pointed");
        assertThat(as(DatabaseRole.QUERY, "select count(*) from catalog_read.category where name = 'Boots'")).isEqualTo("1");
        as(DatabaseRole.REBUILD, "select count(*) from (select rebuild_point_read_views('read_v1')) pointed");
        as(DatabaseRole.REBUILD, "select count(*) from (select rebuild_drop_read_schema('read_v42')) dropped");
        assertThat(query("select count(*) from pg_namespace where nspname = 'read_v42'")).isEqualTo("0");
    }

    @Test
    void the_rebuild_role_reads_the_event_log_and_the_write_model_but_writes_neither_and_owns_nothing() {
        assertThat(as(DatabaseRole.REBUILD, "select count(*) >= 0 from product join category using (tenant_id) "
                + "join inventory using (tenant_id) join stock_level using (tenant_id) join outbox using (tenant_id)"))
                .isEqualTo("t");
        assertThat(as(DatabaseRole.REBUILD, "select count(*) > 0 from projection_version")).isEqualTo("t");

        assertRefused(DatabaseRole.REBUILD, "insert into category (tenant_id, id, name, version, created_at, updated_at) "
                + "values ('roles', gen_random_uuid(), 'n', 1, now(), now())");
        assertRefused(DatabaseRole.REBUILD, "update product set name = 'x'");
        assertRefused(DatabaseRole.REBUILD, "delete from inventory");
        assertRefused(DatabaseRole.REBUILD, "delete from stock_level");
        assertRefused(DatabaseRole.REBUILD, "select count(*) from idempotency_key");
        assertRefused(DatabaseRole.REBUILD, "insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, "
                + "aggregate_version, event_key, event_type, schema_version, occurred_at, payload) values "
                + "(gen_random_uuid(), 'roles', 'category', 'c-3', 1, 'roles:c-3', 'CategoryCreated', 1, now(), '{}')");
        assertRefused(DatabaseRole.REBUILD, "delete from outbox");
        assertRefused(DatabaseRole.REBUILD, "delete from projection_version");
        // DDL only through the owner's functions, and only on read_v<N>.
        assertRefused(DatabaseRole.REBUILD, "drop schema read_v1 cascade");
        assertRefused(DatabaseRole.REBUILD, "create schema read_v43");
        assertRefused(DatabaseRole.REBUILD, "select create_read_schema('read_v43')");
        assertRefused(DatabaseRole.REBUILD, "select rebuild_drop_read_schema('public')");
        assertRefused(DatabaseRole.REBUILD, "select rebuild_create_read_schema('catalog_read')");
        assertRefused(DatabaseRole.REBUILD, "select rebuild_point_read_views('public')");
    }

    @Test
    void the_debezium_role_reads_the_outbox_only() {
        assertThat(as(DatabaseRole.DEBEZIUM, "select count(*) >= 0 from outbox")).isEqualTo("t");

        for (String table : new String[] {"product", "category", "inventory", "stock_level", "idempotency_key",
                "projection_version", "projection_progress", "read_v1.product_detail", "catalog_read.product_detail"}) {
            assertRefused(DatabaseRole.DEBEZIUM, "select count(*) from " + table);
        }
        assertRefused(DatabaseRole.DEBEZIUM, "update outbox set payload = '{}'");
        assertRefused(DatabaseRole.DEBEZIUM, "delete from outbox");
        assertRefused(DatabaseRole.DEBEZIUM, "insert into category (tenant_id, id, name, version, created_at, updated_at) "
                + "values ('roles', gen_random_uuid(), 'n', 1, now(), now())");
        assertRefused(DatabaseRole.DEBEZIUM, "create table public.elsewhere (id int)");
        assertRefused(DatabaseRole.DEBEZIUM, "alter publication catalog_outbox add table product");
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
            try {
                statement.execute(sql);
            } catch (SQLException refused) {
                assertThat(refused.getSQLState()).as("insufficient_privilege, " + role.roleName() + ": " + sql + ": "
                        + refused.getMessage()).isEqualTo("42501");
                return;
            }
            throw new AssertionError(role.roleName() + " was allowed, should be refused: " + sql);
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
