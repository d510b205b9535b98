package dev.catalog.local.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A response of the local HTTP API, before the request id header is added: the function's, or API Gateway's own
 * answer when there is no function to ask ({@code {"message":"Not Found"}} and its siblings).
 */
record GatewayResponse(int statusCode, List<Header> headers, byte[] body) {

    static final String CONTENT_TYPE = "content-type";

    GatewayResponse {
        headers = List.copyOf(headers);
    }

    record Header(String name, String value) {
    }

    static GatewayResponse notFound() {
        return message(404, "Not Found");
    }

    static GatewayResponse payloadTooLarge() {
        return message(413, "Request Entity Too Large");
    }

    static GatewayResponse internalServerError() {
        return message(500, "Internal Server Error");
    }

    static GatewayResponse unauthorized(String wwwAuthenticate) {
        return message(401, "Unauthorized", new Header("www-authenticate", wwwAuthenticate));
    }

    static GatewayResponse forbidden(String wwwAuthenticate) {
        return message(403, "Forbidden", new Header("www-authenticate", wwwAuthenticate));
    }

    /** API Gateway's own JSON answer: {@code {"message":"..."}}. */
    private static GatewayResponse message(int statusCode, String message, Header... headers) {
        List<Header> all = new ArrayList<>(List.of(headers));
        all.addFirst(new Header(CONTENT_TYPE, "application/json"));
        return new GatewayResponse(statusCode, all, GatewayJson.write(Map.of("message", message)));
    }
}
