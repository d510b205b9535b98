package dev.catalog.local.gateway;

import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.functions.LambdaInvoker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP API request, as API Gateway handles it: size limit, route selection, JWT authorizer, the payload 2.0
 * event to the function, its response back; API Gateway's own answers where there is no function to ask; an
 * {@code apigw-requestid} on every response and a line in the access log.
 */
final class HttpApiHandler extends Handler.Abstract {

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

    /** Answers every request; runs on its own virtual thread, so waiting for the function blocks nothing else. */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        String requestId = requestId();
        Outcome outcome;
        try {
            outcome = respond(request, requestId);
        } catch (IOException | RuntimeException e) {
            log.error("{} {} failed in the local HTTP API, request {}", request.getMethod(), request.getHttpURI().getPath(),
                    requestId, e);
            outcome = new Outcome(GatewayResponse.internalServerError(), Optional.empty());
        }
        send(request, response, outcome.response(), requestId, callback);
        access(request, requestId, outcome, (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private Outcome respond(Request received, String requestId) throws IOException {
        Optional<byte[]> body = body(received);
        if (body.isEmpty()) {
            return new Outcome(GatewayResponse.payloadTooLarge(), Optional.empty());
        }
        HttpApiRequest request = request(received, requestId, body.get());
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
    private static Optional<byte[]> body(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        try (InputStream body = Content.Source.asInputStream(request)) {
            byte[] content = body.readNBytes(MAX_BODY_BYTES + 1);
            return content.length > MAX_BODY_BYTES ? Optional.empty() : Optional.of(content);
        }
    }

    private HttpApiRequest request(Request request, String requestId, byte[] body) {
        String rawQuery = request.getHttpURI().getQuery();
        String host = request.getHeaders().get(HttpHeader.HOST);
        return new HttpApiRequest(
                requestId,
                clock.instant(),
                request.getMethod().toUpperCase(Locale.ROOT),
                request.getHttpURI().getPath(),
                rawQuery == null ? "" : rawQuery,
                headers(request.getHeaders()),
                body,
                Request.getRemoteAddr(request),
                request.getConnectionMetaData().getProtocol(),
                host != null ? host : Request.getServerName(request),
                Request.getLocalPort(request));
    }

    /** Each header's values as sent, in order, under the name as sent. */
    private static Map<String, List<String>> headers(HttpFields fields) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : fields) {
            headers.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
        }
        return headers;
    }

    private static void send(Request request, Response response, GatewayResponse answer, String requestId, Callback callback) {
        response.setStatus(answer.statusCode());
        HttpFields.Mutable headers = response.getHeaders();
        answer.headers().forEach(header -> headers.add(header.name(), header.value()));
        headers.put("apigw-requestid", requestId);
        boolean noBody = answer.body().length == 0 || request.getMethod().equalsIgnoreCase("HEAD")
                || answer.statusCode() == 204 || answer.statusCode() == 304;
        if (noBody) {
            response.write(true, BufferUtil.EMPTY_BUFFER, callback);
        } else {
            headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        }
    }

    private static void access(Request request, String requestId, Outcome outcome, long latencyMillis) {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
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
