package dev.catalog.projection.detail;

import static dev.catalog.search.testing.TestCatalog.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.domain.product.ProductEvent;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.TestPostgres;
import dev.catalog.search.testing.TestCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The detail writer on read schemas of two definitions, on a real PostgreSQL with the deployment's migrations: the
 * live path writes every active version, the LIVE one built before the GTIN as well as the BUILDING one built after.
 */
class DetailWriterIT {

    private final PostgresConnection database = TestPostgres.migrated();
    private final TestCatalog acme = new TestCatalog("acme");

    @Test
    void a_schema_built_before_the_gtin_takes_products_without_it_and_one_built_after_with_it() throws SQLException {
        ProductEvent created = acme.product("SCAN-1", "Scanned Shoe").gtin("036000291452").create();
        ProductEvent renamed = acme.rename(created.product().id(), "Renamed Shoe");
        try (Connection connection = database.open(); Statement ddl = connection.createStatement()) {
            ddl.execute("select create_read_schema('read_v9001')");
            ddl.execute("select create_read_schema('read_v9002')");
            // read_v9002 as the definition before the GTIN made it.
            ddl.execute("alter table read_v9002.product_detail drop column gtin");
            connection.setAutoCommit(false);
            new DetailWriter("read_v9001", DetailWriter.Overwrite.NEWER).apply(connection, batch(created, renamed));
            new DetailWriter("read_v9002", DetailWriter.Overwrite.NEWER).apply(connection, batch(created, renamed));
            connection.commit();

            assertThat(row(connection, "read_v9001", "product_version || ' ' || name || ' ' || gtin", created))
                    .isEqualTo("2 Renamed Shoe 036000291452");
            assertThat(row(connection, "read_v9002", "product_version || ' ' || name", created)).isEqualTo("2 Renamed Shoe");
            assertThat(row(connection, "read_v9001", "read_schema_has_gtin('read_v9001')::text", created)).isEqualTo("true");
            assertThat(row(connection, "read_v9002", "read_schema_has_gtin('read_v9002')::text", created)).isEqualTo("false");
        }
    }

    private static String row(Connection connection, String schema, String expression, ProductEvent event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + expression + " from " + schema + ".product_detail where tenant_id = ? and id = ?")) {
            select.setString(1, event.tenant().value());
            select.setObject(2, event.product().id().value());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }
}
