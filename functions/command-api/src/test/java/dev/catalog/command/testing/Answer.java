package dev.catalog.command.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.platform.json.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a command function answered, with its headers looked up as HTTP does (ignoring case). */
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
        return Json.read(body, JsonNode.class);
    }

    /** The created or changed aggregate's id, and its version: the command's answer. */
    public String id() {
        return json().path("id").asText();
    }

    public long version() {
        return json().path("version").asLong();
    }

    /** The problem's code, and the fields it names, for a refusal. */
    public String code() {
        return json().path("code").asText();
    }

    public List<String> fields() {
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
