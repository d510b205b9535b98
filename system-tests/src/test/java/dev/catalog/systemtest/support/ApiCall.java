package dev.catalog.systemtest.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP API call, turned into the event API Gateway would hand the function: payload format 2.0, with the
 * claims its JWT authorizer passes on. The shape follows events/*.json (and AWS's own samples).
 */
public final class ApiCall {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final String method;
    private final String routePath;
    private final Map<String, Object> pathParameters = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String tenant = "acme";
    /** In order; a name may repeat ({@code brand=A&brand=B}). */
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private String body;
    private boolean base64;

    private ApiCall(String method, String routePath) {
        this.method = method;
        this.routePath = routePath;
    }

    /** A call to a route as template.yaml names it, e.g. {@code ApiCall.to("PUT /products/{id}/price")}. */
    public static ApiCall to(String routeKey) {
        String[] parts = routeKey.split(" ", 2);
        return new ApiCall(parts[0], parts[1]);
    }

    public ApiCall with(String pathParameter, Object value) {
        pathParameters.put(pathParameter, value);
        return this;
    }

    /** A path parameter known only when the call is made (e.g. an id created before the test runs). */
    public ApiCall with(String pathParameter, Supplier<String> value) {
        pathParameters.put(pathParameter, value);
        return this;
    }

    private Map<String, String> resolvedPathParameters() {
        Map<String, String> resolved = new LinkedHashMap<>();
        pathParameters.forEach((name, value) ->
                resolved.put(name, String.valueOf(value instanceof Supplier<?> supplier ? supplier.get() : value)));
        return resolved;
    }

    /** Adds a query parameter; adding a name again repeats it ({@code brand=A&brand=B}). */
    public ApiCall query(String name, String value) {
        query.add(Map.entry(name, value));
        return this;
    }

    /** The query string as the client sends it (and API Gateway passes it on as rawQueryString). */
    public String rawQueryString() {
        return query.stream()
                .map(entry -> java.net.URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
    }

    public ApiCall tenant(String tenant) {
        this.tenant = tenant;
        return this;
    }

    /** No tenant claim at all (a token without tenant_id). */
    public ApiCall withoutTenant() {
        this.tenant = null;
        return this;
    }

    public ApiCall header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    public ApiCall ifMatch(long version) {
        return header("if-match", "\"" + version + "\"");
    }

    public ApiCall idempotencyKey(String key) {
        return header("idempotency-key", key);
    }

    /** A JSON body, sent as application/json. */
    public ApiCall json(String json) {
        this.body = json;
        headers.putIfAbsent("content-type", "application/json");
        return this;
    }

    /** A body of any type, passed base64-encoded as API Gateway does for binary content. */
    public ApiCall binaryBody(byte[] bytes, String contentType) {
        this.body = Base64.getEncoder().encodeToString(bytes);
        this.base64 = true;
        headers.put("content-type", contentType);
        return this;
    }

    /** The tenant the caller's token names, if it names one. */
    public java.util.Optional<String> tenant() {
        return java.util.Optional.ofNullable(tenant);
    }

    public String routeKey() {
        return method + " " + routePath;
    }

    public String method() {
        return method;
    }

    public String rawPath() {
        Map<String, String> values = resolvedPathParameters();
        Matcher matcher = PARAMETER.matcher(routePath);
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("no value for {" + matcher.group(1) + "} in " + routePath);
            }
            matcher.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(path);
        return path.toString();
    }

    public Map<String, String> headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    public boolean isBase64() {
        return base64;
    }

    /** The payload-format-2.0 event for this call. */
    public String toEvent() {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", routeKey());
        event.put("rawPath", rawPath());
        event.put("rawQueryString", rawQueryString());
        if (!query.isEmpty()) {
            // API Gateway joins the values of a repeated parameter with commas here (rawQueryString keeps them apart).
            Map<String, List<String>> joined = new LinkedHashMap<>();
            query.forEach(entry -> joined.computeIfAbsent(entry.getKey(), name -> new ArrayList<>()).add(entry.getValue()));
            ObjectNode parameters = event.putObject("queryStringParameters");
            joined.forEach((name, values) -> parameters.put(name, String.join(",", values)));
        }
        ObjectNode eventHeaders = event.putObject("headers");
        eventHeaders.put("host", "127.0.0.1");
        eventHeaders.put("user-agent", "catalog-system-tests");
        if (body != null) {
            eventHeaders.put("content-length", Integer.toString(base64
                    ? Base64.getDecoder().decode(body).length : body.getBytes(StandardCharsets.UTF_8).length));
        }
        headers.forEach(eventHeaders::put);
        String requestId = UUID.randomUUID().toString();
        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "catalog");
        if (tenant != null) {
            ObjectNode claims = context.putObject("authorizer").putObject("jwt").putObject("claims");
            claims.put("iss", "catalog-local");
            claims.put("aud", "catalog-api");
            claims.put("sub", "system-test");
            claims.put("tenant_id", tenant);
            ((ObjectNode) context.get("authorizer").get("jwt")).putNull("scopes");
        }
        context.put("domainName", "127.0.0.1");
        context.put("domainPrefix", "127");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", rawPath());
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "127.0.0.1");
        http.put("userAgent", "catalog-system-tests");
        context.put("requestId", requestId);
        context.put("routeKey", routeKey());
        context.put("stage", "$default");
        context.put("time", "01/Mar/2026:10:00:00 +0000");
        context.put("timeEpoch", Instant.now().toEpochMilli());
        if (!pathParameters.isEmpty()) {
            ObjectNode parameters = event.putObject("pathParameters");
            resolvedPathParameters().forEach(parameters::put);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", base64);
        return event.toString();
    }
}
