package dev.catalog.systemtest.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What the API answered: status, headers (case-insensitive), body. From a function's output or over HTTP. */
public record ApiAnswer(int status, Map<String, String> headers, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiAnswer {
        TreeMap<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(headers);
        headers = insensitive;
    }

    /** The answer a function gave as APIGatewayV2HTTPResponse JSON. */
    public static ApiAnswer fromFunctionOutput(String output) {
        try {
            JsonNode response = JSON.readTree(output);
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            JsonNode headerNode = response.get("headers");
            if (headerNode != null && headerNode.isObject()) {
                headerNode.fields().forEachRemaining(entry -> headers.put(entry.getKey(), entry.getValue().asText()));
            }
            JsonNode body = response.get("body");
            return new ApiAnswer(response.get("statusCode").asInt(), headers,
                    body == null || body.isNull() ? null : body.asText());
        } catch (JsonProcessingException e) {
            throw new AssertionError("function output is not JSON: " + output, e);
        }
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("body is not JSON: " + body, e);
        }
    }

    public String id() {
        return json().get("id").asText();
    }

    public long version() {
        return json().get("version").asLong();
    }

    /** The problem's code, for error answers. */
    public String code() {
        return json().path("code").asText(null);
    }

    @Override
    public String toString() {
        return status + " " + headers + " " + body;
    }
}
