package dev.catalog.platform.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Set;

/**
 * One step in the history of the event contract: rewrites the payload of schema version {@code from} of the
 * given event types into version {@code from + 1}. Steps are small and pure, each tested with the samples of the
 * version it reads; {@link EventSchemas} chains them, so a consumer sees every event in the current shape whatever
 * release wrote it.
 *
 * @param rewrite changes the payload in place (it is a private copy)
 */
public record Upcaster(int from, Set<String> eventTypes, Rewrite rewrite) {

    public Upcaster {
        if (from < 1) {
            throw new IllegalArgumentException("schema versions start at 1");
        }
        eventTypes = Set.copyOf(eventTypes);
        Objects.requireNonNull(rewrite, "rewrite");
    }

    /** How a payload of version {@code from} becomes one of version {@code from + 1}. */
    @FunctionalInterface
    public interface Rewrite {
        void apply(ObjectNode payload);
    }
}
