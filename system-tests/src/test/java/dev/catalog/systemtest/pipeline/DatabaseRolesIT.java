package dev.catalog.systemtest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each function reaches PostgreSQL as its side's role, as in AWS where it holds only its side's secret: the local
 * runtime stands in for the secret template.yaml gives each function. What each role may do is
 * DatabaseSetupIT's (functions/setup); here, that the functions really connect as them, and that what a query
 * function connects with cannot write.
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
            assertThatThrownBy(() -> sql.execute("update read_v1.product_detail set name = 'x'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    /** The database users of a function's open connections (its pool names them after the function). */
    private List<String> usersOf(String function) {
        return stack.db().texts("select distinct usename::text from pg_stat_activity where application_name = ?",
                function);
    }
}
