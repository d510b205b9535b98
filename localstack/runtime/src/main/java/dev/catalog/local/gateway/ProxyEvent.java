package dev.catalog.local.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The event API Gateway sends a Lambda integration of an HTTP API, payload format 2.0, field for field; fields
 * API Gateway leaves out when empty (cookies, query parameters, path parameters, body, stage variables,
 * authorizer) are left out here too.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProxyEvent(String version, String routeKey, String rawPath, String rawQueryString, List<String> cookies,
                  Map<String, String> headers, Map<String, String> queryStringParameters,
                  RequestContext requestContext, String body, Map<String, String> pathParameters,
                  @JsonProperty("isBase64Encoded") boolean isBase64Encoded, Map<String, String> stageVariables) {

    /** Request content types whose body reaches the function as text; any other (or none) arrives base64 encoded. */
    private static final Set<String> TEXT_APPLICATION_TYPES = Set.of(
            "application/json", "application/xml", "application/javascript");
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RequestContext(String accountId, String apiId, Authorizer authorizer, String domainName,
                          String domainPrefix, Http http, String requestId, String routeKey, String stage,
                          String time, long timeEpoch) {
    }

    record Http(String method, String path, String protocol, String sourceIp, String userAgent) {
    }

    record Authorizer(Jwt jwt) {
    }

    /** {@code scopes} is null, not absent, for a token without scopes. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Jwt(Map<String, String> claims, List<String> scopes) {
    }

    /**
     * The event for a request that selected {@code match}.
     *
     * @param authorized the JWT authorizer's decision when the route has one
     */
    static ProxyEvent of(HttpApiRequest request, RouteMatch match, Optional<JwtAuthorizer.Authorized> authorized,
                         String apiId, String accountId) {
        String routeKey = match.route().routeKey();
        String path = request.decodedPath();
        Optional<String> contentType = request.header("content-type");
        boolean hasBody = request.body().length > 0;
        // Bytes that are not UTF-8 cannot travel in the event's JSON string without being replaced by U+FFFD, which
        // the function could not tell from a character the client sent: they travel base64 encoded, as binary does.
        boolean binary = hasBody && (!isText(contentType) || !isUtf8(request.body()));
        String host = request.host().replaceFirst(":\\d+$", "");
        return new ProxyEvent(
                "2.0",
                routeKey,
                path,
                request.rawQuery(),
                cookies(request),
                headers(request),
                nullIfEmpty(queryStringParameters(request)),
                new RequestContext(
                        accountId,
                        apiId,
                        authorized.map(decision -> new Authorizer(new Jwt(decision.claims(), decision.scopes().orElse(null))))
                                .orElse(null),
                        host,
                        host.contains(".") ? host.substring(0, host.indexOf('.')) : host,
                        new Http(request.method(), path, request.protocol(), request.sourceIp(),
                                request.header("user-agent").orElse("")),
                        request.requestId(),
                        routeKey,
                        "$default",
                        REQUEST_TIME.format(request.time()),
                        request.time().toEpochMilli()),
                hasBody ? body(request.body(), binary) : null,
                nullIfEmpty(match.pathParameters()),
                binary,
                null);
    }

    byte[] toJson() {
        return GatewayJson.write(this);
    }

    /**
     * The request's headers with lower-case names, a repeated one joined with commas, plus those API Gateway adds.
     * The cookie header is not among them: its cookies are in {@code cookies}.
     */
    private static Map<String, String> headers(HttpApiRequest request) {
        Map<String, String> headers = new TreeMap<>();
        request.headers().forEach((name, values) -> {
            if (!name.equals("cookie")) {
                headers.put(name, String.join(",", values));
            }
        });
        headers.put("x-forwarded-for", request.header("x-forwarded-for")
                .map(forwarded -> forwarded + ", " + request.sourceIp()).orElse(request.sourceIp()));
        headers.put("x-forwarded-port", Integer.toString(request.serverPort()));
        headers.put("x-forwarded-proto", "http");
        headers.put("x-amzn-trace-id", "Root=" + traceId(request.time()));
        return headers;
    }

    private static Map<String, String> queryStringParameters(HttpApiRequest request) {
        Map<String, String> parameters = new LinkedHashMap<>();
        request.queryParameters().forEach((name, values) -> parameters.put(name, String.join(",", values)));
        return parameters;
    }

    /** Each cookie of the request's cookie headers; absent when there is none. */
    private static List<String> cookies(HttpApiRequest request) {
        List<String> cookies = request.headers().getOrDefault("cookie", List.of()).stream()
                .flatMap(header -> Arrays.stream(header.split(";")))
                .map(String::strip)
                .filter(cookie -> !cookie.isEmpty())
                .toList();
        return cookies.isEmpty() ? null : cookies;
    }

    /** An X-Ray trace id, as API Gateway adds to every request: {@code 1-<epoch seconds hex>-<96 random bits>}. */
    private static String traceId(Instant time) {
        byte[] random = new byte[12];
        ThreadLocalRandom.current().nextBytes(random);
        return "1-" + Long.toHexString(time.getEpochSecond()) + "-" + HexFormat.of().formatHex(random);
    }

    private static String body(byte[] body, boolean binary) {
        return binary ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8);
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return false;
        }
    }

    /** The content types API Gateway passes as text, as measured against AWS by the ministack project. */
    private static boolean isText(Optional<String> contentType) {
        return contentType.map(type -> type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .filter(type -> type.startsWith("text/") || TEXT_APPLICATION_TYPES.contains(type))
                .isPresent();
    }

    private static <V> Map<String, V> nullIfEmpty(Map<String, V> map) {
        return map.isEmpty() ? null : map;
    }
}
