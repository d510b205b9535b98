package dev.catalog.local.stack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./catalog status} shows: every service with its endpoint and state, and every projection version
 * with how far it has got. Serialized as the JSON of {@code ./catalog status --json}.
 */
public record StackStatus(Instant at, List<Service> services, List<Projection> projections) {

    /**
     * @param state   up, down, or the service's own word for it (RUNNING, green...)
     * @param details what else is worth knowing (slot lag, restarts, topics...)
     */
    public record Service(String name, String endpoint, String state, Map<String, Object> details) {
    }

    /**
     * @param lastSequenceApplied the highest outbox sequence applied (the live path)
     * @param eventsBehind        log head minus last applied sequence: an upper bound of what is not yet applied
     * @param secondsSinceApplied since the last batch was applied (null before the first)
     */
    public record Projection(String projection, int version, String status, String target, long lastSequenceApplied,
                             long eventsApplied, Instant lastAppliedAt, long eventsBehind, Double secondsSinceApplied) {
    }
}
