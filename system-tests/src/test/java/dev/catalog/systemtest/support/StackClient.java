package dev.catalog.systemtest.support;

import dev.catalog.local.auth.LocalSigningKey;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.local.stack.StackPorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A running local stack as a user of {@code ./catalog up} reaches it, wherever it runs: its HTTP API with tokens for
 * a tenant, its database and its broker. {@link CatalogStack} adds what only a stack in this JVM offers.
 */
public class StackClient {

    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI api;
    private final Function<String, String> tokens;
    private final Database database;
    private final String kafkaBootstrapServers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    StackClient(URI api, Function<String, String> tokens, PostgresConnection database, String kafkaBootstrapServers) {
        this.api = api;
        this.tokens = tokens;
        this.database = new Database(database);
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    /**
     * A stack another process runs ({@link RuntimeProcess}) on {@code ports} in {@code layout}, with tokens signed by
     * its key.
     */
    public static StackClient attachedTo(StackPorts ports, StackLayout layout) {
        LocalTokenIssuer issuer = new LocalTokenIssuer(LocalSigningKey.loadOrCreate(layout.dataDir("auth")), Clock.systemUTC());
        return new StackClient(URI.create("http://127.0.0.1:" + ports.api() + "/"), issuer::issue,
                PostgresServer.connectionOnPort(ports.postgres()), "127.0.0.1:" + ports.kafka());
    }

    /** Sends {@code call} over HTTP to the local API, with a token for its tenant (none when it has no tenant). */
    public ApiAnswer overHttp(ApiCall call) {
        String query = call.rawQueryString();
        HttpRequest.Builder request = HttpRequest.newBuilder(apiUrl().resolve(call.rawPath() + (query.isEmpty() ? "" : "?" + query)))
                .timeout(Duration.ofSeconds(30));
        call.headers().forEach((name, value) -> {
            if (!RESTRICTED_HEADERS.contains(name)) {
                request.header(name, value);
            }
        });
        call.tenant().ifPresent(tenant -> request.header("Authorization", "Bearer " + token(tenant)));
        byte[] body = call.body() == null ? null
                : call.isBase64() ? Base64.getDecoder().decode(call.body()) : call.body().getBytes(StandardCharsets.UTF_8);
        request.method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
            return new ApiAnswer(response.statusCode(), headers, response.body().isEmpty() ? null : response.body());
        } catch (IOException e) {
            throw new AssertionError("the local HTTP API did not answer " + call.routeKey(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public URI apiUrl() {
        return api;
    }

    public String token(String tenant) {
        return tokens.apply(tenant);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public Database db() {
        return database;
    }

    public OutboxTopics topics() {
        return new OutboxTopics(kafkaBootstrapServers);
    }
}
