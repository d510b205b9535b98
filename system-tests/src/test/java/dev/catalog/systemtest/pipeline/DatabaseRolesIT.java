package dev.catalog.systemtest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Rebuilds;
import dev.catalog.systemtest.support.Tenants;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each function, and Debezium Server, reaches PostgreSQL as its side's role, as in AWS where it holds only its side's
 * secret: the local runtime stands in for the secret template.yaml gives each function. What each role may do is
 * DatabaseSetupIT's (functions/setup); here, that the running stack really connects as them, and that what a query
 * function, a rebuild function and Debezium connect with cannot write (or read) beyond their side.
 */
class DatabaseRolesIT {

    private final CatalogStack stack = CatalogStack.get();

    @Test
    void every_function_connects_as_its_sides_role() {
        String tenant = Tenants.fresh("roles");
        String category = stack.overHttp(ApiCall.to("POST /categories").tenant(tenant).json("{\"name\": \"Shoes\"}")).id();
        assertThat(stack.overHttp(ApiCall.to("GET /categories/{id}").with("id", category).tenant(tenant)
                .query("minVersion", "1")).status())
                .isEqualTo(200);

        assertThat(usersOf("CreateCategoryFunction")).containsOnly(DatabaseRole.COMMAND.roleName());
        assertThat(usersOf("GetCategoryFunction")).containsOnly(DatabaseRole.QUERY.roleName());
        assertThat(usersOf("DetailProjectionFunction")).containsOnly(DatabaseRole.PROJECTION.roleName());
    }

    @Test
    void what_a_query_function_connects_with_cannot_write_a_row() throws SQLException {
        PostgresConnection owner = stack.db().connection();
        String user = DatabaseRole.QUERY.roleName();
        try (Connection query = new PostgresConnection(owner.host(), owner.port(), owner.database(), user, user).open();
             Statement sql = query.createStatement()) {
            assertThatThrownBy(() -> sql.execute("delete from product"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> sql.execute("update " + liveDetailSchema() + ".product_detail set name = 'x'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void the_rebuild_functions_and_debezium_connect_as_their_own_roles() {
        // A run that holds no version: the function connects, and aborts nothing.
        try (Rebuilds rebuilds = new Rebuilds(stack.stack().awsEndpoint().url())) {
            rebuilds.invoke("AbortRebuildFunction", "{\"runId\": \"roles-no-such-run\"}");
        }

        assertThat(usersOf("AbortRebuildFunction")).containsOnly(DatabaseRole.REBUILD.roleName());
        // The replication connection (walsender) streaming the outbox.
        assertThat(stack.db().texts("select distinct usename::text from pg_stat_activity where backend_type = 'walsender'"))
                .containsOnly(DatabaseRole.DEBEZIUM.roleName());
    }

    @Test
    void what_a_rebuild_function_connects_with_cannot_write_the_write_model_nor_drop_a_read_schema() throws SQLException {
        try (Connection rebuild = connectAs(DatabaseRole.REBUILD); Statement sql = rebuild.createStatement()) {
            for (String write : List.of("delete from product", "update category set name = 'x'", "delete from inventory",
                    "delete from stock_level", "delete from idempotency_key", "delete from outbox",
                    "update outbox set payload = '{}'", "drop schema " + liveDetailSchema() + " cascade",
                    "select rebuild_drop_read_schema('public')")) {
                assertRefused(sql, write);
            }
        }
    }

    @Test
    void what_debezium_connects_with_reads_and_writes_nothing_but_the_outbox() throws SQLException {
        try (Connection debezium = connectAs(DatabaseRole.DEBEZIUM); Statement sql = debezium.createStatement()) {
            for (String other : List.of("select count(*) from product", "select count(*) from category",
                    "select count(*) from idempotency_key", "select count(*) from projection_version",
                    "select count(*) from catalog_read.product_detail", "delete from outbox",
                    "update outbox set payload = '{}'", "insert into projection_progress (projection, version, "
                            + "topic_partition) values ('detail', 1, 'x')",
                    "create table public.elsewhere (id int)")) {
                assertRefused(sql, other);
            }
        }
    }

    /** The read schema the detail views point at now: the suite's earlier rebuilds may have dropped read_v1. */
    private String liveDetailSchema() {
        return Rebuilds.live(stack.db(), "detail").get("target").toString();
    }

    private Connection connectAs(DatabaseRole role) throws SQLException {
        PostgresConnection owner = stack.db().connection();
        return new PostgresConnection(owner.host(), owner.port(), owner.database(), role.roleName(), role.roleName()).open();
    }

    /** Refused for want of a privilege (insufficient_privilege); a failure names the statement that went through. */
    private static void assertRefused(Statement sql, String statement) {
        try {
            sql.execute(statement);
        } catch (SQLException refused) {
            assertThat(refused.getSQLState()).as(statement + ": " + refused.getMessage()).isEqualTo("42501");
            return;
        }
        throw new AssertionError("allowed, should be refused: " + statement);
    }

    /** The database users of a function's open connections (its pool names them after the function). */
    private List<String> usersOf(String function) {
        return stack.db().texts("select distinct usename::text from pg_stat_activity where application_name = ?",
                function);
    }
}
