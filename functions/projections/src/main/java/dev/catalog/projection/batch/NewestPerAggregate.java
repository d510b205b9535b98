package dev.catalog.projection.batch;

import dev.catalog.platform.events.LoggedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest event of each aggregate in a batch. Events carry the aggregate's whole state after the change, so the
 * newest one writes what all of them together would: the detail projection writes one row per aggregate of a batch,
 * and the search projection sends one scripted update per document part instead of one per event (writing an
 * aggregate's events one by one only when OpenSearch refuses its newest, to answer for each).
 */
public final class NewestPerAggregate {

    private NewestPerAggregate() {
    }

    public static List<LoggedEvent> of(List<LoggedEvent> events) {
        Map<String, LoggedEvent> newest = new LinkedHashMap<>();
        for (LoggedEvent event : events) {
            newest.merge(key(event), event, (kept, candidate) ->
                    candidate.event().aggregateVersion() > kept.event().aggregateVersion() ? candidate : kept);
        }
        return List.copyOf(newest.values());
    }

    /** The aggregate an event belongs to: its type, tenant and id. */
    public static String key(LoggedEvent event) {
        return event.envelope().aggregateType() + "/" + event.event().tenant().value() + "/" + event.event().aggregateId();
    }
}
