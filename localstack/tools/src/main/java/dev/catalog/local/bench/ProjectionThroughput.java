package dev.catalog.local.bench;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.bench.EventLedger.EventKey;
import dev.catalog.local.bench.EventLedger.Stage;
import dev.catalog.local.services.postgres.PostgresConnection;
import java.io.PrintStream;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast each read model takes in a burst of real events, beside what Debezium alone delivers to Kafka in the same
 * run: product histories (created, revised, repriced, activated, stock in several warehouses) for one new tenant are
 * written straight into the write tables and the outbox, committed every few thousand events, as fast as JDBC
 * batches go. From the first commit, the time until Kafka holds every event of the burst, and until each read model
 * holds every product at its final version (product and inventory): detail polled every {@value #POLL_MILLIS} ms, search
 * every {@link SearchVersions#POLL_INTERVAL}.
 */
final class ProjectionThroughput {

    static final int POLL_MILLIS = 50;
    private static final int EVENTS_PER_PRODUCT = 10;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final PostgresConnection database;
    private final String kafkaBootstrapServers;
    private final URI openSearch;

    ProjectionThroughput(PostgresConnection database, String kafkaBootstrapServers, URI openSearch) {
        this.database = database;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.openSearch = openSearch;
    }

    void measure(int products, PrintStream out) throws Exception {
        TenantId tenant = new TenantId("bench-burst-" + UUID.randomUUID().toString().substring(0, 8));
        EventLedger ledger = new EventLedger();
        AtomicLong onKafka = new AtomicLong();
        AtomicLong lastOnKafka = new AtomicLong(-1);
        long started;
        long events;
        try (KafkaWatcher kafka = new KafkaWatcher(kafkaBootstrapServers, List.of(CatalogTopics.EVENTS), record -> {
            if (record.key() != null && record.key().startsWith(tenant.value() + ":")) {
                onKafka.incrementAndGet();
                lastOnKafka.set(Clocks.nowMicros());
            }
        });
             VisibilityPoller detail = new VisibilityPoller(Stage.DETAIL, ledger, new DetailVersions(database, tenant.value()),
                     Duration.ofMillis(POLL_MILLIS));
             VisibilityPoller search = new VisibilityPoller(Stage.SEARCH, ledger, new SearchVersions(openSearch),
                     SearchVersions.POLL_INTERVAL)) {
            started = Clocks.nowMicros();
            events = new EventLogGenerator(7).write(database, tenant, products, EVENTS_PER_PRODUCT, done -> { });
            long written = Clocks.nowMicros();
            awaitFinalVersions(tenant, ledger, written);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            ledger.awaitSeen(TIMEOUT, 0, Stage.DETAIL, Stage.SEARCH);
            // Each product's final versions come last on its partition, but the watcher may count the records a moment later.
            while (System.nanoTime() < deadline && onKafka.get() < events) {
                Thread.sleep(POLL_MILLIS);
            }
            out.printf("Projection throughput: a burst of %,d events (%,d products of tenant %s) written by JDBC batches in %.2f s%n",
                    events, products, tenant.value(), (written - started) / 1e6);
            out.printf("  %-38s %10s %12s %14s%n", "from the first commit until", "seconds", "events/s", "x Debezium");
            double kafkaSeconds = seconds(started, onKafka.get() >= events ? lastOnKafka.get() : -1);
            print(out, "Kafka holds every event (Debezium)", events, kafkaSeconds, kafkaSeconds);
            print(out, "the detail read model holds them all", events, seconds(started, lastSeen(ledger, Stage.DETAIL)), kafkaSeconds);
            print(out, "the search read model holds them all", events, seconds(started, lastSeen(ledger, Stage.SEARCH)), kafkaSeconds);
            out.println();
        }
    }

    /** Every product's final product and inventory versions, as the write model holds them, become the events awaited. */
    private void awaitFinalVersions(TenantId tenant, EventLedger ledger, long committedMicros) throws SQLException {
        try (Connection connection = database.open();
             PreparedStatement query = connection.prepareStatement("""
                     select p.id::text, p.version, coalesce(i.version, 0)
                       from product p left join inventory i on i.tenant_id = p.tenant_id and i.product_id = p.id
                      where p.tenant_id = ?""")) {
            query.setString(1, tenant.value());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ledger.committed(new EventKey("product", rows.getString(1), rows.getLong(2)), committedMicros);
                    if (rows.getLong(3) > 0) {
                        ledger.committed(new EventKey("inventory", rows.getString(1), rows.getLong(3)), committedMicros);
                    }
                }
            }
        }
    }

    private static long lastSeen(EventLedger ledger, Stage stage) {
        if (!ledger.awaited(stage).isEmpty()) {
            return -1;
        }
        return ledger.committedBetween(0, Long.MAX_VALUE).stream().mapToLong(timeline -> timeline.seen(stage)).max().orElse(-1);
    }

    private static double seconds(long fromMicros, long toMicros) {
        return toMicros < 0 ? Double.NaN : (toMicros - fromMicros) / 1e6;
    }

    private static void print(PrintStream out, String stage, long events, double seconds, double debeziumSeconds) {
        if (Double.isNaN(seconds)) {
            out.printf("  %-38s %10s (not within %d min)%n", stage, "-", TIMEOUT.toMinutes());
            return;
        }
        out.printf("  %-38s %10.2f %,12.0f %14.2f%n", stage, seconds, events / seconds, debeziumSeconds / seconds);
    }
}
