package dev.catalog.local.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/** The local HTTP API's JSON: events it sends functions, and its own answers. */
final class GatewayJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private GatewayJson() {
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
