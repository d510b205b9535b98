package dev.catalog.platform.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the payload-format-2.0 answers the handlers return. */
public final class ApiResponse {

    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private ApiResponse() {
    }

    public static APIGatewayV2HTTPResponse json(int status, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", JSON);
        return response(status, all, Json.write(body));
    }

    /** A JSON answer already serialized, for handlers that derive something (an entity tag) from the bytes. */
    public static APIGatewayV2HTTPResponse jsonText(int status, String json, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", JSON);
        return response(status, all, json);
    }

    public static APIGatewayV2HTTPResponse noContent(Map<String, String> headers) {
        return response(204, new LinkedHashMap<>(headers), null);
    }

    /** 304: the client's copy (If-None-Match) is current. */
    public static APIGatewayV2HTTPResponse notModified(Map<String, String> headers) {
        return response(304, new LinkedHashMap<>(headers), null);
    }

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", PROBLEM_JSON);
        return response(problem.status(), headers, Json.write(problem));
    }

    /** API Gateway's own answer to a request without a valid token; the handlers answer the same. */
    public static APIGatewayV2HTTPResponse unauthorized() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", JSON);
        headers.put("WWW-Authenticate", "Bearer");
        return response(401, headers, "{\"message\":\"Unauthorized\"}");
    }

    /** An ETag for a version: the strong validator clients send back in If-Match. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static APIGatewayV2HTTPResponse response(int status, Map<String, String> headers, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
