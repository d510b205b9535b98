package dev.catalog.projection.detail;

import static dev.catalog.search.testing.TestCatalog.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.domain.product.ProductEvent;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.TestPostgres;
import dev.catalog.projection.batch.Projection;
import dev.catalog.search.testing.TestCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The detail projection's batch transaction on a real PostgreSQL with the deployment's migrations (read_v1 LIVE):
 * a batch is written in bulk, and when the store refuses the data of one of its events, that one is answered for and
 * the others are written all the same.
 */
class DetailProjectionIT {

    private final PostgresConnection database = TestPostgres.migrated();
    private final String tenant = "refusals-" + UUID.randomUUID().toString().substring(0, 8);
    private final TestCatalog shop = new TestCatalog(tenant);

    @Test
    void an_event_the_store_refuses_is_answered_for_and_the_rest_of_the_batch_is_written() throws SQLException {
        ProductEvent kept = shop.product("KEEP-1", "Kept Shoe").create();
        ProductEvent poison = shop.product("POISON-1", "Poison").create();
        ProductEvent renamed = shop.rename(kept.product().id(), "Kept Shoe, renamed");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        try (Connection connection = database.open(); Statement ddl = connection.createStatement()) {
            // A constraint the domain does not know, for this test's tenant only (the server is shared).
            ddl.execute("alter table read_v1.product_detail add constraint refuses_poison_in_tests check (tenant_id <> '"
                    + tenant + "' or name <> 'Poison')");
            try {
                List<Projection.Refused> refused = new DetailProjection(dataSource).apply(batch(kept, poison, renamed), List.of());

                assertThat(refused).singleElement().satisfies(refusal -> {
                    assertThat(refusal.event().event()).isEqualTo(poison);
                    assertThat(refusal.reason()).contains("refuses_poison_in_tests");
                });
                assertThat(name(connection, kept)).contains("Kept Shoe, renamed");
                assertThat(name(connection, poison)).isEmpty();
            } finally {
                ddl.execute("alter table read_v1.product_detail drop constraint refuses_poison_in_tests");
            }
        }
    }

    private static Optional<String> name(Connection connection, ProductEvent event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select name from read_v1.product_detail where tenant_id = ? and id = ?")) {
            select.setString(1, event.tenant().value());
            select.setObject(2, event.product().id().value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }
}
