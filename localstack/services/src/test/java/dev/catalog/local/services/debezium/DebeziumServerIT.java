package dev.catalog.local.services.debezium;

import static dev.catalog.local.services.debezium.OutboxEvent.anEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.process.Supervisor;
import dev.catalog.local.services.TestStacks;
import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.services.kafka.KafkaBroker;
import dev.catalog.local.services.postgres.DatabaseLogins;
import dev.catalog.local.services.postgres.Migrations;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.local.services.postgres.ReplicationSlot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debezium Server between a real PostgreSQL and a real Kafka, configured by the repository's
 * debezium-server/application.properties. Each test writes events of its own tenant and leaves Debezium running.
 * How fast a commit reaches Kafka is a figure, not a check: {@code ./catalog bench lag} measures it.
 */
class DebeziumServerIT {

    private static final List<String> EVENT_TOPICS = List.of(CatalogTopics.EVENTS);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private static StackLayout layout;
    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static DebeziumServer debezium;
    private static OutboxEvent writtenBeforeFirstStart;

    @BeforeAll
    static void startStack() throws SQLException {
        layout = TestStacks.fresh("debezium");
        postgres = PostgresServer.start(layout, FreePorts.next());
        Migrations.apply(postgres.connection());
        kafka = KafkaBroker.start(layout, FreePorts.next(), FreePorts.next());
        kafka.ensureTopics(CatalogTopics.all());

        writtenBeforeFirstStart = anEvent("tenant-before-first-start", "product");
        try (Connection connection = postgres.connection().open()) {
            OutboxEvent.insert(connection, writtenBeforeFirstStart);
        }

        long started = System.nanoTime();
        // As the stack runs it: as its own role, through the publication and offsets table the migrations made.
        PostgresConnection login = DatabaseLogins.enable(postgres.connection()).get(DatabaseRole.DEBEZIUM);
        debezium = DebeziumServer.start(new DebeziumServer.Settings(layout, FreePorts.next(), login,
                kafka.bootstrapServers()));
        System.out.printf("debezium: first start (creates its slot, snapshots) healthy in %d ms%n",
                millisSince(started));
    }

    @AfterAll
    static void stopStack() {
        if (debezium != null) {
            debezium.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    @Test
    void publishes_rows_written_before_its_first_start() {
        try (TopicReader reader = TopicReader.fromStart(kafka.bootstrapServers(), EVENT_TOPICS)) {
            ConsumerRecord<String, String> record = reader.await(ofEvent(writtenBeforeFirstStart), 1, DELIVERY_TIMEOUT).getFirst();

            assertThat(record.topic()).isEqualTo(CatalogTopics.EVENTS);
            assertThat(record.key()).isEqualTo(writtenBeforeFirstStart.eventKey());
        }
    }

    @Test
    void publishes_each_outbox_row_to_the_event_topic_with_key_envelope_headers_and_the_payload_unchanged()
            throws SQLException {
        OutboxEvent product = anEvent("tenant-routing", "product").withPayload("""
                {"sku": "OAK-1", "name": "Crème brûlée torch", "price": {"amount": "12.50", "currency": "EUR"},
                 "weight": 12.50, "big": 12345678901234567.891, "tags": [], "mixed": [1, "x", true], "note": null}""");
        OutboxEvent category = anEvent("tenant-routing", "category").withoutCorrelationId();
        OutboxEvent inventory = anEvent("tenant-routing", "inventory").withPayload("{\"stock\": {\"main\": 0}}");
        OutboxEvent repriced = product.next("PriceChanged", "{\"price\": {\"amount\": \"9.90\", \"currency\": \"EUR\"}}");
        OutboxEvent another = anEvent("tenant-routing", "category");
        List<OutboxEvent> events = List.of(product, category, inventory, repriced, another);
        try (Connection connection = postgres.connection().open()) {
            OutboxEvent.insert(connection, product, category, inventory);  // one transaction, three rows
            OutboxEvent.insert(connection, repriced);
            OutboxEvent.insert(connection, another);
        }

        Map<String, ConsumerRecord<String, String>> byEventId;
        try (TopicReader reader = TopicReader.fromStart(kafka.bootstrapServers(), EVENT_TOPICS)) {
            byEventId = reader.await(ofTenant("tenant-routing"), events.size(), DELIVERY_TIMEOUT).stream()
                    .collect(Collectors.toMap(record -> header(record, "event_id"), Function.identity()));
        }

        assertThat(byEventId).hasSize(events.size());
        for (OutboxEvent event : events) {
            ConsumerRecord<String, String> record = byEventId.get(json(event.eventId().toString()));
            StoredRow stored = stored(event);
            assertThat(record.topic()).isEqualTo(CatalogTopics.EVENTS);
            assertThat(record.key()).isEqualTo(event.tenantId() + ":" + event.aggregateId());
            assertThat(record.value()).as("payload is PostgreSQL's jsonb text, byte for byte").isEqualTo(stored.payload());
            Map<String, String> expectedHeaders = new LinkedHashMap<>();
            expectedHeaders.put("id", json(event.eventId().toString()));
            expectedHeaders.put("event_id", json(event.eventId().toString()));
            expectedHeaders.put("event_type", json(event.eventType()));
            expectedHeaders.put("schema_version", Integer.toString(event.schemaVersion()));
            expectedHeaders.put("sequence", Long.toString(stored.sequence()));
            expectedHeaders.put("aggregate_type", json(event.aggregateType()));
            expectedHeaders.put("aggregate_id", json(event.aggregateId()));
            expectedHeaders.put("aggregate_version", Long.toString(event.aggregateVersion()));
            expectedHeaders.put("tenant_id", json(event.tenantId()));
            expectedHeaders.put("correlation_id", event.correlationId() == null ? "null" : json(event.correlationId()));
            expectedHeaders.put("occurred_at", header(record, "occurred_at"));
            assertThat(headers(record)).containsExactlyEntriesOf(expectedHeaders);
            assertThat(Instant.parse(unquote(header(record, "occurred_at")))).isEqualTo(event.occurredAt());
        }
        assertThat(byEventId.get(json(product.eventId().toString())).value())
                .contains("\"amount\": \"12.50\"", "\"weight\": 12.50", "\"big\": 12345678901234567.891", "\"tags\": []",
                        "\"mixed\": [1, \"x\", true]", "\"note\": null", "Crème brûlée");
    }

    @Test
    void loses_no_event_when_killed_while_a_writer_inserts() throws Exception {
        int rows = 2_000;
        AtomicInteger written = new AtomicInteger();
        List<OutboxEvent> events = IntStream.range(0, rows).mapToObj(i -> anEvent("tenant-crash", "product")).toList();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Connection connection = postgres.connection().open()) {
                for (OutboxEvent event : events) {
                    OutboxEvent.insert(connection, event);  // one transaction each
                    written.incrementAndGet();
                    Thread.sleep(2);  // a steady writer, still writing when Debezium is killed and restarted
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> written.get() >= 300);
        int restartsBefore = debezium.status().process().restarts();
        long killed = System.nanoTime();
        debezium.kill();
        int writtenAtKill = written.get();
        // Rows committed while Debezium is down wait in the slot; its supervisor starts it again.
        await().atMost(Duration.ofSeconds(120)).until(() -> debezium.status().process().restarts() > restartsBefore);
        System.out.printf("debezium: restarted by its supervisor after SIGKILL, healthy %d ms after the kill, %d rows"
                + " written meanwhile%n", millisSince(killed), written.get() - writtenAtKill);
        writer.get();

        Set<String> expected = events.stream().map(event -> json(event.eventId().toString())).collect(Collectors.toSet());
        Map<String, Integer> deliveries = new HashMap<>();
        try (TopicReader reader = TopicReader.fromStart(kafka.bootstrapServers(), EVENT_TOPICS)) {
            long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
            while (!deliveries.keySet().containsAll(expected) && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).stream().filter(ofTenant("tenant-crash"))
                        .forEach(record -> deliveries.merge(header(record, "event_id"), 1, Integer::sum));
            }
            // Duplicates of the last delivered ones may still be on their way: read what is there now.
            reader.poll(Duration.ofSeconds(1)).stream().filter(ofTenant("tenant-crash"))
                    .forEach(record -> deliveries.merge(header(record, "event_id"), 1, Integer::sum));
        }
        int duplicates = deliveries.values().stream().mapToInt(count -> count - 1).sum();
        System.out.printf("debezium: SIGKILL after %d of %d rows; %d delivered, %d of them duplicates%n",
                writtenAtKill, rows, deliveries.values().stream().mapToInt(Integer::intValue).sum(), duplicates);

        assertThat(deliveries.keySet()).as("every row arrived").containsAll(expected);
    }

    @Test
    void restarts_by_itself_after_an_unexpected_exit() throws Exception {
        int restartsBefore = debezium.status().process().restarts();
        long pid = Long.parseLong(Files.readString(layout.pidFile("debezium")).strip());

        ProcessHandle.of(pid).orElseThrow().destroyForcibly();  // dies as if the connector had failed

        await().atMost(Duration.ofSeconds(60)).until(() -> debezium.status().process().restarts() == restartsBefore + 1
                && debezium.status().process().state() == Supervisor.State.RUNNING);
        OutboxEvent afterRestart = anEvent("tenant-supervised", "category");
        try (Connection connection = postgres.connection().open()) {
            OutboxEvent.insert(connection, afterRestart);
        }
        try (TopicReader reader = TopicReader.fromStart(kafka.bootstrapServers(), EVENT_TOPICS)) {
            reader.await(ofEvent(afterRestart), 1, DELIVERY_TIMEOUT);
        }
        assertThat(debezium.status().health()).isEqualTo(DebeziumStatus.Health.UP);
    }

    @Test
    void keeps_its_slot_moving_and_sends_heartbeats_while_only_other_tables_change() throws Exception {
        String lsnAfterWrites;
        try (Connection connection = postgres.connection().open(); Statement statement = connection.createStatement()) {
            statement.execute("create table not_captured (id bigserial primary key, filler text)");
            for (int i = 0; i < 20; i++) {
                statement.execute("insert into not_captured (filler) select repeat('x', 1000) from generate_series(1, 100)");
            }
            lsnAfterWrites = single(connection, "select pg_current_wal_lsn()::text");
        }
        long lagAfterWrites = slot().lagBytes();

        long waited = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Connection connection = postgres.connection().open();
                 PreparedStatement confirmedPast = connection.prepareStatement(
                         "select confirmed_flush_lsn >= ?::pg_lsn from pg_replication_slots where slot_name = ?")) {
                confirmedPast.setString(1, lsnAfterWrites);
                confirmedPast.setString(2, debezium.slotName());
                try (ResultSet row = confirmedPast.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
        System.out.printf("debezium: slot confirmed past %s of other tables' WAL (lag was %d bytes) after %d ms%n",
                lsnAfterWrites, lagAfterWrites, millisSince(waited));
        assertThat(slot().lagBytes()).isLessThan(lagAfterWrites);
        try (TopicReader reader = TopicReader.fromStart(kafka.bootstrapServers(), List.of(DebeziumServer.heartbeatTopic().name()))) {
            assertThat(reader.await(record -> true, 1, DELIVERY_TIMEOUT)).as("heartbeats").isNotEmpty();
        }
        try (TopicReader reader = TopicReader.fromStart(kafka.bootstrapServers(), EVENT_TOPICS)) {
            assertThat(reader.await(record -> json("Heartbeat").equals(header(record, "event_type")), 1, DELIVERY_TIMEOUT))
                    .as("the heartbeats appended to the outbox, on the event topic").isNotEmpty();
        }
    }

    private record StoredRow(long sequence, String payload) {
    }

    private static StoredRow stored(OutboxEvent event) throws SQLException {
        try (Connection connection = postgres.connection().open();
             PreparedStatement select = connection.prepareStatement(
                     "select sequence, payload::text from outbox where event_id = ?")) {
            select.setObject(1, event.eventId());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new StoredRow(row.getLong(1), row.getString(2));
            }
        }
    }

    private static ReplicationSlot slot() {
        return debezium.status().slot().orElseThrow();
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Predicate<ConsumerRecord<String, String>> ofEvent(OutboxEvent event) {
        String eventId = json(event.eventId().toString());
        return record -> eventId.equals(header(record, "event_id"));
    }

    private static Predicate<ConsumerRecord<String, String>> ofTenant(String tenant) {
        String tenantId = json(tenant);
        return record -> tenantId.equals(header(record, "tenant_id"));
    }

    /** A header's raw value: JSON text, as Debezium's header format writes it. */
    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        Arrays.stream(record.headers().toArray()).forEach(header -> headers.put(header.key(), header(record, header.key())));
        return headers;
    }

    private static String json(String text) {
        return "\"" + text + "\"";
    }

    private static String unquote(String json) {
        return json.substring(1, json.length() - 1);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
