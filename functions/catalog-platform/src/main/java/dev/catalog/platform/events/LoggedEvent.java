package dev.catalog.platform.events;

import dev.catalog.domain.shared.DomainEvent;
import java.util.Objects;

/** A domain event as the log delivers it: decoded, with the envelope that places it (sequence, ids, versions). */
public record LoggedEvent(EventEnvelope envelope, DomainEvent event) {

    public LoggedEvent {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(event, "event");
    }
}
