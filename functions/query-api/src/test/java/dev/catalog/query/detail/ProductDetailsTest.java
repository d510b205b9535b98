package dev.catalog.query.detail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.TestPostgres;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import dev.catalog.platform.db.Deadline;
import dev.catalog.platform.db.SqlStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading a product detail from the read model on a real PostgreSQL with the deployment's migrations. */
class ProductDetailsTest {

    private static final PostgresConnection DATABASE = TestPostgres.migrated();

    private final ProductDetails details = new ProductDetails(ConnectionPool.create(DatabaseSettings.from(name -> Optional.ofNullable(
            Map.of("DB_URL", DATABASE.jdbcUrl(), "DB_USER", DATABASE.user(), "DB_PASSWORD", DATABASE.password()).get(name))),
            "query-test"));

    @Test
    void a_read_the_database_keeps_waiting_past_the_deadline_gives_up_as_the_database_being_unavailable() throws SQLException {
        Throwable failure;
        // Another client holds the read model's table: the read waits longer than the function has left (the
        // database's own lock_timeout, 5 s, would end it later, and as an error that is not "retry later").
        try (Connection other = DATABASE.open(); Statement lock = other.createStatement()) {
            other.setAutoCommit(false);
            lock.execute("lock table read_v1.product_detail in access exclusive mode");
            failure = catchThrowable(() -> details.find(new TenantId("deadline"), UUID.randomUUID(),
                    Deadline.after(Duration.ofMillis(1_500))));
            other.rollback();
        }

        assertThat(failure).as("the read gave up").isNotNull();
        assertThat(SqlStates.databaseUnavailable(failure)).as("answered 503: %s", failure).isTrue();
        assertThat(details.find(new TenantId("deadline"), UUID.randomUUID(), Deadline.none())).as("once the table is free")
                .isEmpty();
    }
}
