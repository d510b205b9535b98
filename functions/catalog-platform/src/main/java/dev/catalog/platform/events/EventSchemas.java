package dev.catalog.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The versions of the event contract this code knows, as the chain of {@link Upcaster} steps from version 1: an
 * event type's current version is 1 plus the steps that rewrite it. Reading an older version runs the payload
 * through each step from its version on; a newer one is not guessed at.
 */
public final class EventSchemas {

    /** Every step of the contract so far. A change to an event's shape adds one here, with its samples. */
    public static final EventSchemas CURRENT = new EventSchemas(List.of(ProductGtinAdded.STEP));

    private final List<Upcaster> steps;

    EventSchemas(List<Upcaster> steps) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(Upcaster::from)).toList();
        for (Upcaster step : this.steps) {
            for (String type : step.eventTypes()) {
                if (step.from() != 1 + stepsBefore(type, step.from())) {
                    throw new IllegalArgumentException("the steps of " + type + " skip a version before " + step.from());
                }
            }
        }
    }

    /** These schemas and one more step: what the next release will know (tests use it to read a future version). */
    public EventSchemas and(Upcaster next) {
        List<Upcaster> more = new ArrayList<>(steps);
        more.add(next);
        return new EventSchemas(more);
    }

    /** The version this code writes {@code eventType} in. */
    public int currentVersion(String eventType) {
        return 1 + stepsBefore(eventType, Integer.MAX_VALUE);
    }

    /**
     * The payload of {@code eventType} written in {@code version}, rewritten into the current version.
     *
     * @throws UnknownSchemaVersionException the version is newer than this code knows
     * @throws UndecodableEventException      the version is not one any release wrote
     */
    public JsonNode upcast(String eventType, int version, JsonNode payload)
            throws UnknownSchemaVersionException, UndecodableEventException {
        int current = currentVersion(eventType);
        if (version > current) {
            throw new UnknownSchemaVersionException("event " + eventType + " has schema version " + version
                    + "; this code reads versions 1 to " + current + " (a newer release wrote it)");
        }
        if (version < 1) {
            throw new UndecodableEventException("event " + eventType + " has schema version " + version
                    + "; versions start at 1");
        }
        if (version == current) {
            return payload;
        }
        if (!(payload instanceof ObjectNode object)) {
            throw new UndecodableEventException("payload of " + eventType + " is not a JSON object");
        }
        ObjectNode rewritten = object.deepCopy();
        for (Upcaster step : steps) {
            if (step.from() >= version && step.eventTypes().contains(eventType)) {
                step.rewrite().apply(rewritten);
            }
        }
        return rewritten;
    }

    private int stepsBefore(String eventType, int from) {
        return (int) steps.stream().filter(step -> step.from() < from && step.eventTypes().contains(eventType)).count();
    }
}
