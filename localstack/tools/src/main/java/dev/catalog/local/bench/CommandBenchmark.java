package dev.catalog.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * {@code ./catalog bench commands}: N clients create and update products through the local HTTP API for a fixed
 * time; then, in the same run and at the same concurrency, the same commands are handed to the command functions'
 * own handlers in this process: the same code and the same transaction per command (idempotency key, aggregate row,
 * outbox row, outcome), without the HTTP hop, the local gateway and the Lambda emulation. That is the ceiling the
 * API is measured against.
 */
public final class CommandBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UPDATES_PER_PRODUCT = 4;

    /**
     * @param functionVariables the variables the local stack gives its functions (database, pool size), with which
     *                          the in-process handlers reach the same database the same way
     */
    public record Settings(URI api, Function<String, String> tokens, Map<String, String> functionVariables, int clients,
                           Duration warmup, Duration duration) {
    }

    /** Where a client's commands go: an answer is the response's JSON, or null when it was not the expected status. */
    interface CommandPath {
        JsonNode create(String tenant, String body) throws Exception;

        JsonNode update(String tenant, String productId, long version, String body) throws Exception;
    }

    private final Settings settings;
    private final String tenant = "bench-" + UUID.randomUUID().toString().substring(0, 8);

    public CommandBenchmark(Settings settings) {
        this.settings = settings;
    }

    public void run(PrintStream out) throws Exception {
        out.printf("%d clients, each creating a product and renaming it %d times with If-Match, %d s warm-up, %d s measured, tenant %s%n",
                settings.clients(), UPDATES_PER_PRODUCT, settings.warmup().toSeconds(), settings.duration().toSeconds(), tenant);
        double api = measure(out, "Through the HTTP API (gateway, JWT authorizer, Lambda emulation, function)",
                new HttpPath(settings.api(), settings.tokens()), tenant);
        double direct;
        try (InProcessCommands handlers = new InProcessCommands(settings.functionVariables())) {
            direct = measure(out, "The same handlers called in this process (same code, same transaction per command)",
                    handlers, tenant + "-direct");
        }
        out.printf("The API reaches %.1f %% of the in-process ceiling.%n", 100 * api / direct);
    }

    private double measure(PrintStream out, String title, CommandPath path, String tenant) throws Exception {
        drive(path, tenant, settings.warmup(), new LatencyRecorder(), new LatencyRecorder());
        LatencyRecorder creates = new LatencyRecorder();
        LatencyRecorder updates = new LatencyRecorder();
        long started = System.nanoTime();
        drive(path, tenant, settings.duration(), creates, updates);
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = creates.count() + updates.count();
        out.println(title);
        out.printf("  commands/s %8.0f   (%d commands, %d errors)%n", total / seconds, total, creates.errors() + updates.errors());
        out.printf("  create     p50 %6.1f ms   p99 %6.1f ms   (%d)%n", creates.percentileMillis(50), creates.percentileMillis(99), creates.count());
        out.printf("  update     p50 %6.1f ms   p99 %6.1f ms   (%d)%n", updates.percentileMillis(50), updates.percentileMillis(99), updates.count());
        return total / seconds;
    }

    /** Each client creates a product, then renames it a few times with If-Match, and starts over. */
    private void drive(CommandPath path, String tenant, Duration duration, LatencyRecorder creates, LatencyRecorder updates)
            throws Exception {
        Instant end = Instant.now().plus(duration);
        try (ExecutorService clients = Executors.newFixedThreadPool(settings.clients())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < settings.clients(); i++) {
                running.add(clients.submit(() -> {
                    while (Instant.now().isBefore(end)) {
                        JsonNode created = timed(creates, () -> path.create(tenant, productJson()));
                        if (created == null) {
                            continue;
                        }
                        String id = created.get("id").asText();
                        long version = created.get("version").asLong();
                        for (int u = 0; u < UPDATES_PER_PRODUCT && Instant.now().isBefore(end); u++) {
                            long current = version;
                            JsonNode updated = timed(updates, () -> path.update(tenant, id, current,
                                    "{\"name\": \"Benchmark product v" + (current + 1) + "\"}"));
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

    @FunctionalInterface
    private interface Command {
        JsonNode send() throws Exception;
    }

    private static JsonNode timed(LatencyRecorder recorder, Command command) {
        long began = System.nanoTime();
        try {
            JsonNode answer = command.send();
            if (answer == null) {
                recorder.error();
                return null;
            }
            recorder.record(System.nanoTime() - began);
            return answer;
        } catch (Exception e) {
            recorder.error();
            return null;
        }
    }

    static String productJson() {
        return """
                {"sku": "%s", "name": "Benchmark product", "description": "Light and grippy.", "brand": "Stride",
                 "price": {"amount": "89.90", "currency": "EUR"}, "attributes": {"color": "blue"}}""".formatted("B-" + UUID.randomUUID());
    }

    /** The local HTTP API, with a token per tenant. */
    private static final class HttpPath implements CommandPath {
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final URI api;
        private final Function<String, String> tokens;
        /** One token per tenant for the whole run, as a client keeps its token until it expires. */
        private final Map<String, String> issued = new ConcurrentHashMap<>();

        HttpPath(URI api, Function<String, String> tokens) {
            this.api = api;
            this.tokens = tokens;
        }

        @Override
        public JsonNode create(String tenant, String body) throws Exception {
            return send(HttpRequest.newBuilder(api.resolve("/products")).POST(HttpRequest.BodyPublishers.ofString(body)), tenant, 201);
        }

        @Override
        public JsonNode update(String tenant, String productId, long version, String body) throws Exception {
            return send(HttpRequest.newBuilder(api.resolve("/products/" + productId)).header("If-Match", "\"" + version + "\"")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(body)), tenant, 200);
        }

        private JsonNode send(HttpRequest.Builder request, String tenant, int expectedStatus) throws Exception {
            HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + issued.computeIfAbsent(tenant, tokens))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == expectedStatus ? JSON.readTree(response.body()) : null;
        }
    }
}
