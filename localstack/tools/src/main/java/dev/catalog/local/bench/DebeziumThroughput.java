package dev.catalog.local.bench;

import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.platform.events.OutboxRow;
import dev.catalog.platform.events.OutboxWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.Header;

/**
 * What Debezium alone delivers to Kafka: a burst of outbox rows committed in one transaction with plain JDBC
 * batches, so that all of them are ready in the WAL at once, timed from that commit to the last record's arrival on
 * Kafka. Nothing else limits the rate: not the commands, not the inserts.
 *
 * <p>The rows are of the heartbeat kind (aggregate type {@code heartbeat}, on the event topic like every row): projections only
 * note their progress from such rows and write nothing, so the measurement is not slowed by the read models catching
 * up on the same two cores. Each row carries a payload the size of a product event's, so Debezium moves the same
 * bytes per event as in the command runs.
 */
final class DebeziumThroughput {

    private static final int ROWS_PER_BATCH = 1000;
    private static final long ARRIVAL_TIMEOUT_NANOS = 180_000_000_000L;
    private static final String PAYLOAD = """
            {"emittedAt": "%s", "benchmark": {"product": {"sku": "FTW-BNCH-000042", "name": "Glide Trail Running Shoe - Navy",
             "description": "The Glide Trail Running Shoe from Stride. Cushioned midsole for long distances. Breathable mesh upper that keeps feet cool. Made for everyday training.",
             "brand": "Stride", "categoryId": "5b0c3b7e-1f7e-4c2a-9d3e-0a1b2c3d4e5f", "price": {"amount": "129.90", "currency": "EUR"},
             "status": "ACTIVE", "attributes": {"color": "navy", "gender": "unisex", "material": "mesh", "size": "EU 42"},
             "version": 1, "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}}}""";

    private final PostgresConnection database;
    private final String kafkaBootstrapServers;

    DebeziumThroughput(PostgresConnection database, String kafkaBootstrapServers) {
        this.database = database;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    void measure(int rows, PrintStream out) throws Exception {
        String marker = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] markerHeader = ("\"" + marker + "\"").getBytes(StandardCharsets.UTF_8);
        AtomicLong arrived = new AtomicLong();
        AtomicLong firstArrival = new AtomicLong(-1);
        AtomicLong lastArrival = new AtomicLong(-1);
        long committed;
        try (KafkaWatcher watcher = new KafkaWatcher(kafkaBootstrapServers, List.of(CatalogTopics.EVENTS), record -> {
            Header aggregate = record.headers().lastHeader("aggregate_id");
            if (aggregate != null && Arrays.equals(aggregate.value(), markerHeader)) {
                long at = Clocks.nowMicros();
                firstArrival.compareAndSet(-1, at);
                lastArrival.set(at);
                arrived.incrementAndGet();
            }
        })) {
            long started = Clocks.nowMicros();
            insert(marker, rows);
            committed = Clocks.nowMicros();
            out.printf("Debezium alone: %,d outbox rows committed in one transaction by JDBC in %.2f s%n", rows, (committed - started) / 1e6);
            long deadline = System.nanoTime() + ARRIVAL_TIMEOUT_NANOS;
            while (arrived.get() < rows && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        if (arrived.get() < rows) {
            out.printf("  only %,d of them reached Kafka within %d s%n", arrived.get(), ARRIVAL_TIMEOUT_NANOS / 1_000_000_000L);
            return;
        }
        double overall = (lastArrival.get() - committed) / 1e6;
        double streaming = (lastArrival.get() - firstArrival.get()) / 1e6;
        out.printf("  all on Kafka %.2f s after the commit: %,.0f events/s (first record after %.0f ms, then %,.0f events/s to the last)%n",
                overall, rows / overall, (firstArrival.get() - committed) / 1e3, rows / streaming);
    }

    private void insert(String marker, int rows) throws SQLException {
        try (Connection connection = database.open(); OutboxWriter outbox = new OutboxWriter(connection)) {
            connection.setAutoCommit(false);
            Instant now = Instant.now();
            String payload = PAYLOAD.formatted(now);
            for (int i = 1; i <= rows; i++) {
                outbox.add(new OutboxRow(UUID.randomUUID(), "*", "heartbeat", marker, i, "Heartbeat", 1, now, null, payload));
                if (i % ROWS_PER_BATCH == 0) {
                    outbox.flush();
                }
            }
            outbox.flush();
            connection.commit();
        }
    }
}
