package dev.catalog.local.awsapi;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catalog.local.lambda.LambdaFunctions;
import dev.catalog.local.stepfunctions.StateMachineSource;
import dev.catalog.local.stepfunctions.StepFunctions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS-compatible endpoint of the local runtime (127.0.0.1:4566 by default): the Step Functions API (JSON 1.0)
 * and Lambda's ListFunctions and Invoke (REST-JSON), so the AWS SDK and CLI work against it with any credentials.
 * Signatures are not checked; requests are routed by {@code X-Amz-Target} (Step Functions) or by path (Lambda).
 *
 * <pre>{@code
 * try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(new LocalAwsEndpoint.Settings(
 *         "127.0.0.1", 4566, "us-east-1", "000000000000", layout.dataDir("stepfunctions"),
 *         List.of(new StateMachineSource("catalog-rebuild-local", Path.of("infra/statemachine/rebuild.asl.json"),
 *                 Map.of("RebuildFunctionArn", rebuildFunctionArn), rebuildRoleArn))),
 *         functionHost)) {
 *     ... endpoint.url() ...
 * }
 * }</pre>
 */
public final class LocalAwsEndpoint implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAwsEndpoint.class);

    /**
     * @param host          the address to bind, normally 127.0.0.1
     * @param port          the port, 4566 for the local stack; 0 picks a free one
     * @param dataDirectory where executions and their histories are kept ({@code .local/data/stepfunctions})
     * @param stateMachines the template's state machines, registered at start (an invalid one fails the start)
     */
    public record Settings(String host, int port, String region, String accountId, Path dataDirectory,
                           List<StateMachineSource> stateMachines) {
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(dataDirectory, "dataDirectory");
            stateMachines = List.copyOf(stateMachines);
        }
    }

    private final HttpServer server;
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();
    private final StepFunctions stepFunctions;
    private final StepFunctionsApi stepFunctionsApi;
    private final LambdaApi lambdaApi;

    private LocalAwsEndpoint(Settings settings, StepFunctions stepFunctions, LambdaFunctions functions) throws IOException {
        this.stepFunctions = stepFunctions;
        this.stepFunctionsApi = new StepFunctionsApi(stepFunctions);
        this.lambdaApi = new LambdaApi(functions, settings.region(), settings.accountId(), requests);
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        server.setExecutor(requests);
        server.createContext("/", this::serve);
    }

    /**
     * Registers the state machines, then listens. Fails with the definition's problems when a state machine cannot run
     * locally, and with the address when the port is taken.
     */
    public static LocalAwsEndpoint start(Settings settings, LambdaFunctions functions) {
        return start(settings, StepFunctions.Settings.of(settings.region(), settings.accountId(), settings.dataDirectory(),
                functions), functions);
    }

    /** As {@link #start(Settings, LambdaFunctions)}, with the engine's own settings (e.g. a test's sleeper). */
    public static LocalAwsEndpoint start(Settings settings, StepFunctions.Settings engine, LambdaFunctions functions) {
        StepFunctions stepFunctions = new StepFunctions(engine);
        try {
            settings.stateMachines().forEach(stepFunctions::register);
            LocalAwsEndpoint endpoint = new LocalAwsEndpoint(settings, stepFunctions, functions);
            endpoint.server.start();
            LOG.info("AWS endpoint (Step Functions, Lambda) listening on {}", endpoint.url());
            return endpoint;
        } catch (IOException e) {
            stepFunctions.close();
            throw new UncheckedIOException("cannot listen on " + settings.host() + ":" + settings.port()
                    + " for the local AWS endpoint", e);
        } catch (RuntimeException e) {
            stepFunctions.close();
            throw e;
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The endpoint URL to give the SDK ({@code endpointOverride}) or the CLI ({@code --endpoint-url}). */
    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + port());
    }

    public StepFunctions stepFunctions() {
        return stepFunctions;
    }

    /**
     * Serves {@code path} (and below) with {@code handler} besides the AWS APIs: the local runtime's own endpoints,
     * under a prefix no AWS API uses ({@code /_catalog/}).
     */
    public void serve(String path, com.sun.net.httpserver.HttpHandler handler) {
        if (!path.startsWith("/_")) {
            throw new IllegalArgumentException("local endpoints live under /_<name>/, not " + path);
        }
        server.createContext(path, handler);
    }

    private void serve(HttpExchange exchange) {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            AwsResponse response = route(exchange, body);
            exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
            response.headers().forEach(exchange.getResponseHeaders()::set);
            boolean empty = response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private AwsResponse route(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String rawPath = exchange.getRequestURI().getRawPath();
        try {
            if (target != null) {
                if (target.startsWith(StepFunctionsApi.TARGET_PREFIX)) {
                    return stepFunctionsApi.handle(target.substring(StepFunctionsApi.TARGET_PREFIX.length()), body);
                }
                return AwsResponse.jsonProtocolError(400, "UnknownOperationException",
                        "The local AWS endpoint does not serve " + target);
            }
            if (rawPath.startsWith(LambdaApi.PATH_PREFIX)) {
                return lambdaApi.handle(exchange.getRequestMethod(), rawPath, query(exchange.getRequestURI()),
                        headers(exchange), body);
            }
            return AwsResponse.jsonProtocolError(404, "UnknownOperationException", "The local AWS endpoint serves "
                    + "Step Functions (X-Amz-Target: AWSStepFunctions.*) and Lambda (" + LambdaApi.PATH_PREFIX
                    + "), not " + exchange.getRequestMethod() + " " + rawPath);
        } catch (RuntimeException e) {
            LOG.error("the local AWS endpoint failed on {} {}", exchange.getRequestMethod(), rawPath, e);
            return AwsResponse.jsonProtocolError(500, "InternalFailure", "The local AWS endpoint failed: " + e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.put(name, value);
        }
        return parameters;
    }

    /** Header names lower-cased: HTTP header names are case-insensitive. */
    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.getFirst());
            }
        });
        return headers;
    }

    /** Stops listening, then aborts the executions still running (they do not survive the runtime). */
    @Override
    public void close() {
        server.stop(0);
        stepFunctions.close();
        requests.shutdownNow();
    }
}
