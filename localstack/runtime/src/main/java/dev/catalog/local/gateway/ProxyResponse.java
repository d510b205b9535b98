package dev.catalog.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How API Gateway reads a function's response, payload format 2.0. An object with a {@code statusCode} is a
 * response: {@code statusCode}, {@code headers}, {@code multiValueHeaders}, {@code cookies} (each one a
 * {@code set-cookie} header), {@code body}, {@code isBase64Encoded}. Anything else valid JSON is a body API Gateway
 * wraps itself: status 200, {@code content-type: application/json}, the JSON as the body (a JSON string: its text).
 */
final class ProxyResponse {

    /** Headers API Gateway sets itself, whatever the function says. */
    private static final List<String> CONNECTION_HEADERS = List.of("content-length", "transfer-encoding", "connection");

    private ProxyResponse() {
    }

    /**
     * @throws InvalidResponseException when the payload is not a response API Gateway can send; it answers
     *                                  {@code 500 Internal Server Error} then
     */
    static GatewayResponse read(byte[] payload) {
        JsonNode response;
        try {
            response = GatewayJson.MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new InvalidResponseException("the function's response is not JSON: " + e.getMessage());
        }
        if (response == null || response.isMissingNode()) {
            throw new InvalidResponseException("the function's response is empty");
        }
        if (!response.isObject() || !response.has("statusCode")) {
            byte[] body = response.isTextual() ? response.textValue().getBytes(StandardCharsets.UTF_8) : payload;
            return new GatewayResponse(200, List.of(new GatewayResponse.Header(GatewayResponse.CONTENT_TYPE,
                    "application/json")), body);
        }
        return new GatewayResponse(statusCode(response.get("statusCode")), headers(response), body(response));
    }

    private static int statusCode(JsonNode statusCode) {
        int status = statusCode.isNumber() ? statusCode.intValue() : parse(statusCode.asText());
        if (status < 100 || status > 599) {
            throw new InvalidResponseException("statusCode " + statusCode + " is not an HTTP status");
        }
        return status;
    }

    private static int parse(String statusCode) {
        try {
            return Integer.parseInt(statusCode);
        } catch (NumberFormatException e) {
            throw new InvalidResponseException("statusCode " + statusCode + " is not a number");
        }
    }

    private static List<GatewayResponse.Header> headers(JsonNode response) {
        List<GatewayResponse.Header> headers = new ArrayList<>();
        for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
            headers.add(new GatewayResponse.Header(header.getKey(), text(header.getValue(), "headers")));
        }
        for (Map.Entry<String, JsonNode> header : response.path("multiValueHeaders").properties()) {
            for (JsonNode value : header.getValue()) {
                headers.add(new GatewayResponse.Header(header.getKey(), text(value, "multiValueHeaders")));
            }
        }
        for (JsonNode cookie : response.path("cookies")) {
            headers.add(new GatewayResponse.Header("set-cookie", text(cookie, "cookies")));
        }
        headers.removeIf(header -> CONNECTION_HEADERS.contains(header.name().toLowerCase(Locale.ROOT)));
        return headers;
    }

    private static byte[] body(JsonNode response) {
        JsonNode body = response.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw new InvalidResponseException("body must be a string, found " + body.getNodeType());
        }
        if (!response.path("isBase64Encoded").asBoolean(false)) {
            return body.textValue().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getDecoder().decode(body.textValue());
        } catch (IllegalArgumentException e) {
            throw new InvalidResponseException("isBase64Encoded is true but body is not base64: " + e.getMessage());
        }
    }

    private static String text(JsonNode value, String field) {
        if (value.isValueNode() && !value.isNull()) {
            return value.asText();
        }
        throw new InvalidResponseException(field + " values must be strings, found " + value);
    }

    /** The function answered something API Gateway cannot turn into an HTTP response. */
    static final class InvalidResponseException extends RuntimeException {
        InvalidResponseException(String message) {
            super(message);
        }
    }
}
