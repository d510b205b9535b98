package dev.catalog.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.platform.events.OutboxRow;
import dev.catalog.platform.events.OutboxWriter;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code ./catalog bench commands}: N clients create and update products through the local HTTP API for a fixed
 * time, then, in the same run, the same rows (a product row and its outbox row per command) are inserted with plain
 * JDBC batches: the ceiling the command path is measured against.
 *
 * <p>The ceiling writes into copies of {@code product} and {@code outbox} (same columns, defaults, constraints and
 * indexes) in a scratch schema dropped afterwards: the same work for PostgreSQL, but Debezium does not capture it,
 * so the running stack is not left streaming hundreds of thousands of made-up events through its projections.
 */
public final class CommandBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UPDATES_PER_PRODUCT = 4;
    private static final int JDBC_BATCH = 100;

    public record Settings(URI api, Function<String, String> tokens, PostgresConnection database, int clients,
                           Duration warmup, Duration duration) {
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    public CommandBenchmark(Settings settings) {
        this.settings = settings;
    }

    public void run(PrintStream out) throws Exception {
        out.printf("Commands through the HTTP API: %d clients, %d s warm-up, %d s measured, tenant %s%n",
                settings.clients(), settings.warmup().toSeconds(), settings.duration().toSeconds(), tenant);
        drive(settings.warmup(), new LatencyRecorder(), new LatencyRecorder());
        LatencyRecorder creates = new LatencyRecorder();
        LatencyRecorder updates = new LatencyRecorder();
        long started = System.nanoTime();
        drive(settings.duration(), creates, updates);
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = creates.count() + updates.count();
        out.printf("  commands/s %8.0f   (%d commands, %d errors)%n", total / seconds, total, creates.errors() + updates.errors());
        out.printf("  create     p50 %6.1f ms   p99 %6.1f ms   (%d)%n", creates.percentileMillis(50), creates.percentileMillis(99), creates.count());
        out.printf("  update     p50 %6.1f ms   p99 %6.1f ms   (%d)%n", updates.percentileMillis(50), updates.percentileMillis(99), updates.count());

        out.printf("Same rows by plain JDBC batches (%d per transaction, product + outbox row each), %d threads, %d s%n",
                JDBC_BATCH, settings.clients(), settings.duration().toSeconds());
        double jdbcRate = withScratchTables(() -> jdbcBaseline(settings.duration()));
        out.printf("  rows/s     %8.0f   (commands/s through the API are %.1f %% of it)%n", jdbcRate, 100.0 * (total / seconds) / jdbcRate);
    }

    /** Each client creates a product, then renames it a few times with If-Match, and starts over. */
    private void drive(Duration duration, LatencyRecorder creates, LatencyRecorder updates) throws Exception {
        Instant end = Instant.now().plus(duration);
        String token = settings.tokens().apply(tenant);
        try (ExecutorService clients = Executors.newFixedThreadPool(settings.clients())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < settings.clients(); i++) {
                running.add(clients.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        JsonNode created = timed(creates, HttpRequest.newBuilder(settings.api().resolve("/products"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(productJson())), 201);
                        if (created == null) {
                            continue;
                        }
                        String id = created.get("id").asText();
                        long version = created.get("version").asLong();
                        for (int u = 0; u < UPDATES_PER_PRODUCT && Instant.now().isBefore(end); u++) {
                            JsonNode updated = timed(updates, HttpRequest.newBuilder(settings.api().resolve("/products/" + id))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .header("If-Match", "\"" + version + "\"")
                                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\": \"Benchmark product v" + (version + 1) + "\"}")), 200);
                            if (updated == null) {
                                break;
                            }
                            version = updated.get("version").asLong();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
    }

    private JsonNode timed(LatencyRecorder recorder, HttpRequest.Builder request, int expectedStatus) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                recorder.error();
                return null;
            }
            recorder.record(System.nanoTime() - began);
            return JSON.readTree(response.body());
        } catch (Exception e) {
            recorder.error();
            return null;
        }
    }

    private static final String SCRATCH = "bench_ceiling";

    private double withScratchTables(Callable<Double> measurement) throws Exception {
        execute("drop schema if exists " + SCRATCH + " cascade",
                "create schema " + SCRATCH,
                "create table " + SCRATCH + ".product (like public.product including all)",
                "create table " + SCRATCH + ".outbox (like public.outbox including all)");
        try {
            return measurement.call();
        } finally {
            execute("drop schema " + SCRATCH + " cascade");
        }
    }

    /** A connection whose unqualified table names ({@code product}, {@code outbox}) are the scratch copies. */
    private Connection scratchConnection() throws SQLException {
        Connection connection = settings.database().open();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + SCRATCH);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private void execute(String... statements) throws SQLException {
        try (Connection connection = settings.database().open(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Inserts product + outbox rows in batches on every thread for {@code duration}; answers rows per second. */
    private double jdbcBaseline(Duration duration) throws Exception {
        Instant end = Instant.now().plus(duration);
        AtomicLong rows = new AtomicLong();
        String jdbcTenant = tenant + "-jdbc";
        long started = System.nanoTime();
        try (ExecutorService threads = Executors.newFixedThreadPool(settings.clients())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < settings.clients(); i++) {
                running.add(threads.submit(() -> {
                    try (Connection connection = scratchConnection();
                         PreparedStatement product = connection.prepareStatement("""
                                 insert into product (tenant_id, id, sku, name, description, brand, price_amount, price_currency,
                                                      status, attributes, version, created_at, updated_at)
                                 values (?, ?, ?, 'Benchmark product', 'Light and grippy.', 'Stride', 89.90, 'EUR', 'DRAFT',
                                         '{"color": "blue"}', 1, ?, ?)""");
                         OutboxWriter outbox = new OutboxWriter(connection)) {
                        connection.setAutoCommit(false);
                        while (Instant.now().isBefore(end)) {
                            Instant instant = Instant.now();
                            Timestamp now = Timestamp.from(instant);
                            for (int b = 0; b < JDBC_BATCH; b++) {
                                UUID id = UUID.randomUUID();
                                product.setString(1, jdbcTenant);
                                product.setObject(2, id);
                                product.setString(3, "SKU-" + id);
                                product.setTimestamp(4, now);
                                product.setTimestamp(5, now);
                                product.addBatch();
                                outbox.add(new OutboxRow(UUID.randomUUID(), jdbcTenant, "product", id.toString(), 1,
                                        "ProductCreated", 1, instant, "bench", samplePayload(id)));
                            }
                            product.executeBatch();
                            outbox.flush();
                            connection.commit();
                            rows.addAndGet(JDBC_BATCH);
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException("JDBC baseline failed", e);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        }
        return rows.get() / ((System.nanoTime() - started) / 1e9);
    }

    private static String productJson() {
        return """
                {"sku": "%s", "name": "Benchmark product", "description": "Light and grippy.", "brand": "Stride",
                 "price": {"amount": "89.90", "currency": "EUR"}, "attributes": {"color": "blue"}}""".formatted("B-" + UUID.randomUUID());
    }

    private static String samplePayload(UUID id) {
        return """
                {"product": {"id": "%s", "sku": "SKU-%s", "name": "Benchmark product", "description": "Light and grippy.",
                 "brand": "Stride", "categoryId": null, "price": {"amount": "89.90", "currency": "EUR"}, "status": "DRAFT",
                 "attributes": {"color": "blue"}, "version": 1, "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-01T00:00:00Z"}}"""
                .formatted(id, id);
    }
}
