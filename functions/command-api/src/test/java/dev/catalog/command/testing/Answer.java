package dev.catalog.command.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.platform.json.Json;
import java.util.Map;
import java.util.TreeMap;

/** What a command function answered. */
public record Answer(int status, Map<String, String> headers, String body) {

    public Answer {
        TreeMap<String, String> insensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        insensitive.putAll(headers == null ? Map.of() : headers);
        headers = insensitive;
    }

    static Answer of(APIGatewayV2HTTPResponse response) {
        return new Answer(response.getStatusCode(), response.getHeaders(), response.getBody());
    }

    public JsonNode json() {
        try {
            return Json.parse(body);
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

    /** The problem's code, for a refusal. */
    public String code() {
        return json().get("code").asText();
    }

    /** The fields a 400 or 422 names. */
    public java.util.List<String> fields() {
        return json().path("errors").findValuesAsText("field");
    }

    public String header(String name) {
        return headers.get(name);
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
