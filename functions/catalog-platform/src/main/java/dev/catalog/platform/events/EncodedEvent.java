package dev.catalog.platform.events;

import java.util.Objects;

/** A domain event in its wire form: type name, payload schema version, JSON payload. */
public record EncodedEvent(String eventType, int schemaVersion, String payload) {

    public EncodedEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
    }
}
