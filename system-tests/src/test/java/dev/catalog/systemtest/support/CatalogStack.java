package dev.catalog.systemtest.support;

import dev.catalog.local.auth.LocalSigningKey;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackPorts;
import dev.catalog.local.stack.StackSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The one local stack of a test run: started by the local runtime's own code on free ports, in a directory of the
 * run, on first use; stopped when the test JVM exits. Tests reach the functions the way production does: through
 * the deployment packages template.yaml names, with API Gateway events, or over the local HTTP API.
 */
public final class CatalogStack {

    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade");

    /** The stack in this JVM; null for a stack another process runs ({@link #attachedTo}). */
    private final LocalStack stack;
    private final URI api;
    private final Function<String, String> tokens;
    private final Database database;
    private final String kafkaBootstrapServers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private CatalogStack(LocalStack stack, URI api, Function<String, String> tokens, PostgresConnection database,
                         String kafkaBootstrapServers) {
        this.stack = stack;
        this.api = api;
        this.tokens = tokens;
        this.database = new Database(database);
        this.kafkaBootstrapServers = kafkaBootstrapServers;
    }

    public static CatalogStack get() {
        return Holder.INSTANCE;
    }

    /**
     * A stack another process runs ({@link RuntimeProcess}) on {@code ports} in {@code layout}: reached over its HTTP
     * API with tokens signed by its key, its database and its broker, as a user of {@code ./catalog up} would.
     */
    public static CatalogStack attachedTo(StackPorts ports, StackLayout layout) {
        LocalTokenIssuer issuer = new LocalTokenIssuer(LocalSigningKey.loadOrCreate(layout.dataDir("auth")), Clock.systemUTC());
        return new CatalogStack(null, URI.create("http://127.0.0.1:" + ports.api() + "/"), issuer::issue,
                PostgresServer.connectionOnPort(ports.postgres()), "127.0.0.1:" + ports.kafka());
    }

    /** Invokes a function of template.yaml with the API Gateway event of {@code call}. */
    public ApiAnswer call(String functionLogicalId, ApiCall call) {
        InvocationResult result = stack().functions().invoke(functionLogicalId, call.toEvent().getBytes(StandardCharsets.UTF_8));
        return switch (result) {
            case InvocationResult.Success success -> ApiAnswer.fromFunctionOutput(success.payloadText());
            case InvocationResult.FunctionError error -> throw new AssertionError(functionLogicalId + " failed: "
                    + error.errorType() + ": " + error.errorMessage() + "\n" + String.join("\n", error.stackTrace()));
        };
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

    /** The stack in this JVM, for what only it can do (its supervisors, its functions in-process). */
    public LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("this stack runs in another process: reach it over HTTP, its database or its broker");
        }
        return stack;
    }

    private static final class Holder {
        private static final CatalogStack INSTANCE = start();

        private static CatalogStack start() {
            Path projectDir = Path.of(System.getProperty("catalog.project.dir", "..")).toAbsolutePath().normalize();
            Path distDir = Path.of(System.getProperty("catalog.dist.dir", projectDir.resolve(".local/dist").toString()));
            StackLayout layout = new StackLayout(projectDir.resolve("system-tests/target/it-stack"), distDir);
            LocalStack stack = LocalStack.start(new StackSettings(projectDir, layout, StackPorts.free(), true));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-test-stack"));
            return new CatalogStack(stack, stack.apiUrl(), stack::token, stack.database(), stack.kafkaBootstrapServers());
        }
    }
}
