package dev.catalog.local.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Catalog HTTP API as the seeder and the benchmarks call it: JSON bodies, as one tenant, with a token issued for
 * that tenant and renewed long before it expires.
 *
 * <pre>{@code
 * CatalogClient api = new CatalogClient(URI.create("http://127.0.0.1:3000"), tokens::issue);
 * CatalogClient.Response created = api.send("acme", CatalogClient.Request.post("/categories", Map.of("name", "Shoes")));
 * }</pre>
 */
public final class CatalogClient {

    /** Answers worth sending again unchanged: the service was busy or briefly unavailable. */
    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);
    private static final Duration TOKEN_RENEWAL = Duration.ofMinutes(20);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI api;
    private final Function<String, String> issueToken;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public CatalogClient(URI api, Function<String, String> issueToken) {
        this(api, issueToken, Clock.systemUTC());
    }

    CatalogClient(URI api, Function<String, String> issueToken, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.issueToken = Objects.requireNonNull(issueToken, "issueToken");
        this.clock = clock;
    }

    public URI api() {
        return api;
    }

    /** One request, once. */
    public Response send(String tenant, Request request) throws IOException, InterruptedException {
        HttpRequest.Builder http = HttpRequest.newBuilder(api.resolve(request.pathAndQuery())).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token(tenant));
        request.headers().forEach(http::header);
        if (request.body() == null) {
            http.method(request.method(), HttpRequest.BodyPublishers.noBody());
        } else {
            http.header("Content-Type", "application/json")
                    .method(request.method(), HttpRequest.BodyPublishers.ofString(json(request.body())));
        }
        long started = System.nanoTime();
        HttpResponse<String> response = this.http.send(http.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers(), response.body(), System.nanoTime() - started);
    }

    /**
     * The request, sent again after a growing pause while the answer is a transient failure (429, 5xx) or no
     * answer at all, up to {@code attempts} times. Only for requests that are safe to repeat: reads, PUTs, and
     * POSTs carrying an Idempotency-Key.
     *
     * @return the last answer; thrown: the last I/O failure, when not one attempt was answered
     */
    public Retried sendRetrying(String tenant, Request request, int attempts) throws IOException, InterruptedException {
        IOException unanswered = null;
        Response last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            if (attempt > 1) {
                Thread.sleep(Math.min(2_000L, 100L << (attempt - 2)));
            }
            try {
                last = send(tenant, request);
                if (!TRANSIENT.contains(last.status())) {
                    return new Retried(last, attempt - 1);
                }
            } catch (IOException e) {
                unanswered = e;
            }
        }
        if (last == null) {
            throw unanswered;
        }
        return new Retried(last, attempts - 1);
    }

    private String token(String tenant) {
        Instant now = clock.instant();
        return tokens.compute(tenant, (name, token) -> token != null && token.issuedAt().plus(TOKEN_RENEWAL).isAfter(now)
                ? token : new Token(issueToken.apply(name), now)).value();
    }

    private static String json(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON", e);
        }
    }

    private record Token(String value, Instant issuedAt) {
    }

    /**
     * A call of the API.
     *
     * @param path  with path parameters filled in, e.g. {@code /products/42/price}
     * @param query parameters in order; a name may repeat ({@code brand=A&brand=B})
     * @param body  serialized as JSON (a String is sent as it is); null for none
     */
    public record Request(String method, String path, List<Map.Entry<String, String>> query, Object body,
                          Map<String, String> headers) {

        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            query = List.copyOf(query);
            headers = Map.copyOf(headers);
        }

        public static Request get(String path) {
            return new Request("GET", path, List.of(), null, Map.of());
        }

        public static Request post(String path, Object body) {
            return new Request("POST", path, List.of(), body, Map.of());
        }

        public static Request put(String path, Object body) {
            return new Request("PUT", path, List.of(), body, Map.of());
        }

        public Request query(String name, String value) {
            List<Map.Entry<String, String>> more = new ArrayList<>(query);
            more.add(Map.entry(name, value));
            return new Request(method, path, more, body, headers);
        }

        public Request header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, path, query, body, more);
        }

        public Request ifMatch(long version) {
            return header("If-Match", "\"" + version + "\"");
        }

        public Request idempotencyKey(String key) {
            return header("Idempotency-Key", key);
        }

        String pathAndQuery() {
            if (query.isEmpty()) {
                return path;
            }
            return path + "?" + query.stream()
                    .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                    .collect(Collectors.joining("&"));
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** What the API answered, and how long it took from sending to the whole body. */
    public record Response(int status, HttpHeaders headers, String body, long latencyNanos) {

        public boolean successful() {
            return status >= 200 && status < 300;
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("the API answered " + status + " with a body that is not JSON", e);
            }
        }

        /** The problem's {@code code} of an error answer, if it has one. */
        public Optional<String> code() {
            try {
                return Optional.ofNullable(JSON.readTree(body).path("code").textValue());
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** An answer after retries, and how many retries it took. */
    public record Retried(Response response, int retries) {
    }
}
