package dev.catalog.local.awsapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer of the endpoint: status, headers beyond the common ones, body. */
record AwsResponse(int status, Map<String, String> headers, byte[] body) {

    static final String AWS_JSON_1_0 = "application/x-amz-json-1.0";
    static final String JSON = "application/json";

    AwsResponse {
        headers = Map.copyOf(headers);
    }

    static AwsResponse json(int status, String contentType, JsonNode body) {
        return new AwsResponse(status, Map.of("Content-Type", contentType), Json.text(body).getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON-protocol error shape: {@code {"__type": code, "message": ...}}, code also in {@code x-amzn-ErrorType}. */
    static AwsResponse jsonProtocolError(int status, String code, String message) {
        var body = Json.object();
        body.put("__type", code);
        body.put("message", message);
        return new AwsResponse(status, Map.of("Content-Type", AWS_JSON_1_0, "x-amzn-ErrorType", code),
                Json.text(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Lambda's REST error shape: {@code {"Type": "User"|"Service", "Message": ...}}, code in {@code x-amzn-ErrorType}. */
    static AwsResponse lambdaError(int status, String code, String message) {
        var body = Json.object();
        body.put("Type", status >= 500 ? "Service" : "User");
        body.put("Message", message);
        return new AwsResponse(status, Map.of("Content-Type", JSON, "x-amzn-ErrorType", code),
                Json.text(body).getBytes(StandardCharsets.UTF_8));
    }
}
