package dev.catalog.command.retention;

import static dev.catalog.command.testing.CommandFunctions.API;
import static dev.catalog.command.testing.CommandFunctions.call;
import static dev.catalog.command.testing.CommandFunctions.newTenant;
import static dev.catalog.command.testing.CommandFunctions.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import dev.catalog.command.product.CreateProductFunction;
import dev.catalog.command.testing.Answer;
import dev.catalog.command.testing.SampleRequest;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.local.services.postgres.DatabaseLogins;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.TestPostgres;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import dev.catalog.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The retention task on a real PostgreSQL with the deployment's migrations, connected as the commands' role as in
 * template.yaml, invoked with the sample scheduled event. Rows are dated in the past rather than the clock moved
 * forward, so other tests' rows in the shared database are left alone.
 */
class RetentionFunctionTest {

    private static final PostgresConnection OWNER = TestPostgres.migrated();
    private static final PostgresConnection COMMANDS = DatabaseLogins.enable(OWNER).get(DatabaseRole.COMMAND);
    private static final RetentionFunction RETENTION = new RetentionFunction(new Retention(dataSource(COMMANDS), Clock.systemUTC()));

    private final TenantId tenant = newTenant();
    private final Instant now = Instant.now();

    @Test
    void deletes_old_heartbeats_and_expired_keys_and_keeps_fresh_ones_and_every_event() throws SQLException {
        List<Long> oldHeartbeats = List.of(heartbeat(now.minus(Duration.ofDays(3))), heartbeat(now.minus(Duration.ofMinutes(61))));
        long freshHeartbeat = heartbeat(now.minus(Duration.ofMinutes(50)));
        long oldEvent = event(now.minus(Duration.ofDays(400)));
        long newEvent = event(now);
        key("expired", now.minus(Duration.ofHours(25)));
        key("fresh", now.minus(Duration.ofHours(23)));

        Retention.Outcome outcome = RETENTION.handleRequest(scheduledEvent(), null);

        assertThat(outcome.heartbeatsDeleted()).isGreaterThanOrEqualTo(2);
        assertThat(outcome.idempotencyKeysDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.finished()).isTrue();
        assertThat(sequences("aggregate_type = 'heartbeat'")).doesNotContainAnyElementsOf(oldHeartbeats).contains(freshHeartbeat);
        assertThat(sequences("tenant_id = '" + tenant.value() + "'")).containsExactly(oldEvent, newEvent);
        assertThat(query("select key from idempotency_key where tenant_id = ?", tenant.value())).containsExactly("fresh");
    }

    @Test
    void keeps_the_newest_row_of_the_log_even_an_old_heartbeat_so_its_highest_sequence_never_goes_back() throws SQLException {
        long last = heartbeat(now.minus(Duration.ofDays(2)));

        RETENTION.handleRequest(scheduledEvent(), null);

        assertThat(sequences("sequence >= " + last)).containsExactly(last);
    }

    @Test
    void deletes_a_backlog_in_batches_until_it_is_gone() throws SQLException {
        try (Connection connection = OWNER.open(); Statement insert = connection.createStatement()) {
            insert.execute(heartbeatInsert("now() - interval '3 hours'") + ", generate_series(1, " + (Retention.BATCH * 2 + 17) + ")");
        }
        heartbeat(now);

        Retention.Outcome outcome = RETENTION.handleRequest(scheduledEvent(), null);

        assertThat(outcome.heartbeatsDeleted()).isGreaterThanOrEqualTo(Retention.BATCH * 2 + 17);
        assertThat(query("select count(*) from outbox where aggregate_type = 'heartbeat' and occurred_at < now() - interval '1 hour'"))
                .containsExactly("0");
    }

    @Test
    void the_database_refuses_to_delete_an_event_whoever_asks() throws SQLException {
        long event = event(now.minus(Duration.ofDays(400)));

        for (PostgresConnection who : List.of(COMMANDS, OWNER)) {
            try (Connection connection = who.open(); Statement delete = connection.createStatement()) {
                assertThatThrownBy(() -> delete.execute("delete from outbox where sequence = " + event))
                        .as(who.user()).isInstanceOfSatisfying(SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            }
        }
        assertThat(sequences("sequence = " + event)).containsExactly(event);
    }

    @Test
    void a_retry_within_24_hours_gets_the_stored_answer_and_one_after_runs_as_a_new_command() throws SQLException {
        CreateProductFunction create = new CreateProductFunction(API.products(), API.ids());
        Answer first = call(create, SampleRequest.of("CreateProductFunction").tenant(tenant).idempotencyKey("retried"));
        assertThat(first.status()).isEqualTo(201);

        ageKeys(Duration.ofHours(24).minusMinutes(1));
        RETENTION.handleRequest(scheduledEvent(), null);
        Answer withinTheWindow = call(create, SampleRequest.of("CreateProductFunction").tenant(tenant).idempotencyKey("retried"));
        assertThat(withinTheWindow.status()).isEqualTo(201);
        assertThat(withinTheWindow.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(withinTheWindow.body()).isEqualTo(first.body());

        // Expired but not deleted yet: the command takes the key over. It runs again, and finds its SKU taken.
        ageKeys(Duration.ofMinutes(2));
        Answer expired = call(create, SampleRequest.of("CreateProductFunction").tenant(tenant).idempotencyKey("retried"));
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.code()).isEqualTo("duplicate_sku");

        // Deleted by the retention task: the same.
        ageKeys(Duration.ofHours(25));
        RETENTION.handleRequest(scheduledEvent(), null);
        assertThat(query("select count(*) from idempotency_key where tenant_id = ?", tenant.value())).containsExactly("0");
        Answer deleted = call(create, SampleRequest.of("CreateProductFunction").tenant(tenant).idempotencyKey("retried"));
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.header("Idempotent-Replayed")).isNull();
        assertThat(query("select count(*) from product where tenant_id = ?", tenant.value())).containsExactly("1");
    }

    private long heartbeat(Instant at) throws SQLException {
        try (Connection connection = OWNER.open();
             PreparedStatement insert = connection.prepareStatement(heartbeatInsert("?::timestamptz") + " returning sequence")) {
            insert.setTimestamp(1, Timestamp.from(at));
            var row = insert.executeQuery();
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Debezium's heartbeat action query (debezium-server/application.properties), dated {@code at}; a random version,
     * since many are inserted within one microsecond here.
     */
    private static String heartbeatInsert(String at) {
        return """
                insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_key,
                                    event_type, schema_version, occurred_at, payload)
                select gen_random_uuid(), '*', 'heartbeat', 'debezium', 1 + (random() * 9e18)::bigint,
                       '*:debezium', 'Heartbeat', 1, at, jsonb_build_object('emittedAt', at) from (select %s as at) as heartbeat
                """.formatted(at).strip();
    }

    private long event(Instant at) throws SQLException {
        String aggregate = UUID.randomUUID().toString();
        try (Connection connection = OWNER.open(); PreparedStatement insert = connection.prepareStatement("""
                insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_key,
                                    event_type, schema_version, occurred_at, payload)
                values (gen_random_uuid(), ?, 'category', ?, 1, ? || ':' || ?, 'CategoryCreated', 1, ?, '{}')
                returning sequence""")) {
            insert.setString(1, tenant.value());
            insert.setString(2, aggregate);
            insert.setString(3, tenant.value());
            insert.setString(4, aggregate);
            insert.setTimestamp(5, Timestamp.from(at));
            var row = insert.executeQuery();
            row.next();
            return row.getLong(1);
        }
    }

    private void key(String key, Instant createdAt) throws SQLException {
        try (Connection connection = OWNER.open(); PreparedStatement insert = connection.prepareStatement(
                "insert into idempotency_key (tenant_id, key, fingerprint, outcome, created_at) values (?, ?, 'f', '{}', ?)")) {
            insert.setString(1, tenant.value());
            insert.setString(2, key);
            insert.setTimestamp(3, Timestamp.from(createdAt));
            insert.executeUpdate();
        }
    }

    /** Dates the tenant's keys {@code by} further back, as if that much time had passed. */
    private void ageKeys(Duration by) throws SQLException {
        try (Connection connection = OWNER.open(); PreparedStatement update = connection.prepareStatement(
                "update idempotency_key set created_at = created_at - ?::interval where tenant_id = ?")) {
            update.setString(1, by.toSeconds() + " seconds");
            update.setString(2, tenant.value());
            update.executeUpdate();
        }
    }

    private static List<Long> sequences(String where) {
        return query("select sequence from outbox where " + where + " order by sequence").stream().map(Long::valueOf).toList();
    }

    /** The sample, read as Lambda's runtime reads a handler's POJO input: unknown properties ignored. */
    private static RetentionFunction.ScheduledEvent scheduledEvent() {
        try (InputStream sample = RetentionFunctionTest.class.getResourceAsStream("/events/RetentionFunction.json")) {
            return Json.mapper().readerFor(RetentionFunction.ScheduledEvent.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(sample);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataSource dataSource(PostgresConnection database) {
        Map<String, String> environment = Map.of("DB_URL", database.jdbcUrl(), "DB_USER", database.user(),
                "DB_PASSWORD", database.password(), "DB_POOL_SIZE", "2");
        return ConnectionPool.create(DatabaseSettings.from(name -> Optional.ofNullable(environment.get(name))), "retention-test");
    }
}
