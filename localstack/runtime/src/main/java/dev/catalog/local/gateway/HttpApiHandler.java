package dev.catalog.local.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.functions.LambdaInvoker;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP API request, as API Gateway handles it: size limit, route selection, JWT authorizer, the payload 2.0
 * event to the function, its response back; API Gateway's own answers where there is no function to ask; an
 * {@code apigw-requestid} on every response and a line in the access log.
 */
final class HttpApiHandler implements HttpHandler {

    /** API Gateway's limit on an HTTP API request's payload. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HttpApiHandler.class);
    private static final Logger accessLog = LoggerFactory.getLogger("dev.catalog.local.gateway.access");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RouteTable routes;
    private final LambdaInvoker invoker;
    private final Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
    private final String apiId;
    private final String accountId;
    private final Clock clock;

    HttpApiHandler(RouteTable routes, LambdaInvoker invoker, LocalHttpApiSettings settings) {
        this.routes = routes;
        this.invoker = invoker;
        this.apiId = routes.apiLogicalId().toLowerCase(Locale.ROOT);
        this.accountId = settings.accountId();
        this.clock = settings.clock();
        for (Route route : routes.routes()) {
            if (route.authorization() instanceof RouteAuthorization.Jwt jwt) {
                authorizers.computeIfAbsent(jwt.authorizer().name(),
                        name -> new JwtAuthorizer(jwt.authorizer(), settings.verificationKeys(), clock));
            }
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = requestId();
        Outcome outcome;
        try {
            outcome = respond(exchange, requestId);
        } catch (RuntimeException e) {
            log.error("{} {} failed in the local HTTP API, request {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), requestId, e);
            outcome = new Outcome(GatewayResponse.internalServerError(), Optional.empty());
        }
        try {
            send(exchange, outcome.response(), requestId);
        } finally {
            exchange.close();
            access(exchange, requestId, outcome, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private Outcome respond(HttpExchange exchange, String requestId) throws IOException {
        Optional<byte[]> body = body(exchange);
        if (body.isEmpty()) {
            return new Outcome(GatewayResponse.payloadTooLarge(), Optional.empty());
        }
        HttpApiRequest request = request(exchange, requestId, body.get());
        Optional<RouteMatch> match = routes.match(request.method(), request.pathSegments());
        if (match.isEmpty()) {
            return new Outcome(GatewayResponse.notFound(), Optional.empty());
        }
        Route route = match.get().route();
        Optional<JwtAuthorizer.Authorized> authorized = Optional.empty();
        if (route.authorization() instanceof RouteAuthorization.Jwt jwt) {
            switch (authorizers.get(jwt.authorizer().name()).authorize(request, jwt.scopes())) {
                case JwtAuthorizer.Denied denied -> {
                    log.info("{} denied by authorizer {}: {}, request {}", route.routeKey(), jwt.authorizer().name(),
                            denied.reason(), requestId);
                    return new Outcome(denied.response(), Optional.of(route));
                }
                case JwtAuthorizer.Authorized decision -> authorized = Optional.of(decision);
            }
        }
        byte[] event = ProxyEvent.of(request, match.get(), authorized, apiId, accountId).toJson();
        return new Outcome(response(route, invoker.invoke(route.functionLogicalId(), event), requestId), Optional.of(route));
    }

    private static GatewayResponse response(Route route, InvocationResult result, String requestId) {
        return switch (result) {
            case InvocationResult.Success success -> {
                try {
                    yield ProxyResponse.read(success.payload());
                } catch (ProxyResponse.InvalidResponseException e) {
                    log.warn("{} answered {} with a response API Gateway cannot send: {}, request {}",
                            route.functionLogicalId(), route.routeKey(), e.getMessage(), requestId);
                    yield GatewayResponse.internalServerError();
                }
            }
            case InvocationResult.FunctionError error -> {
                log.warn("{} failed on {}: {}: {}, request {}", route.functionLogicalId(), route.routeKey(),
                        error.errorType(), error.errorMessage(), requestId);
                yield GatewayResponse.internalServerError();
            }
        };
    }

    /** The body, or empty when it is larger than API Gateway accepts. */
    private static Optional<byte[]> body(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.matches("\\d+") && Long.parseLong(declared) > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (InputStream body = exchange.getRequestBody()) {
            byte[] content = body.readNBytes(MAX_BODY_BYTES + 1);
            return content.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(content);
        }
    }

    private HttpApiRequest request(HttpExchange exchange, String requestId, byte[] body) {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String host = exchange.getRequestHeaders().getFirst("Host");
        return new HttpApiRequest(
                requestId,
                clock.instant(),
                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                exchange.getRequestURI().getRawPath(),
                rawQuery == null ? "" : rawQuery,
                exchange.getRequestHeaders(),
                body,
                exchange.getRemoteAddress().getAddress().getHostAddress(),
                exchange.getProtocol(),
                host != null ? host : exchange.getLocalAddress().getHostString(),
                exchange.getLocalAddress().getPort());
    }

    private static void send(HttpExchange exchange, GatewayResponse response, String requestId) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach(header -> headers.add(header.name(), header.value()));
        headers.set("apigw-requestid", requestId);
        boolean noBody = response.body().length == 0 || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || response.statusCode() == 204 || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private static void access(HttpExchange exchange, String requestId, Outcome outcome, long latencyMillis) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        int status = outcome.response().statusCode();
        String routeKey = outcome.route().map(Route::routeKey).orElse("-");
        String function = outcome.route().map(Route::functionLogicalId).orElse("-");
        accessLog.atInfo()
                .addKeyValue("requestId", requestId)
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("status", status)
                .addKeyValue("latencyMs", latencyMillis)
                .addKeyValue("routeKey", routeKey)
                .addKeyValue("function", function)
                .log("{} {} {} {} ms route={} function={} requestId={}",
                        method, path, status, latencyMillis, routeKey, function, requestId);
    }

    /** An id shaped like API Gateway's ({@code Mc7UVioPPHcEKPA=}). */
    private static String requestId() {
        byte[] id = new byte[11];
        RANDOM.nextBytes(id);
        return Base64.getEncoder().encodeToString(id);
    }

    private record Outcome(GatewayResponse response, Optional<Route> route) {
    }
}
