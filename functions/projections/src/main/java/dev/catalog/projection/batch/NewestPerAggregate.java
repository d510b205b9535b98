package dev.catalog.projection.batch;

import dev.catalog.platform.events.LoggedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest event of each aggregate in a batch. Events carry the aggregate's whole state after the change, so the
 * newest one writes what all of them together would: the detail projection writes one row per aggregate of a batch,
 * and a search replay sends one scripted update per document part instead of one per event.
 *
 * <p>The live search path does not use it: it answers for each event (a refused one goes to the dead-letter topic),
 * and coalescing would hide the older events of an aggregate whose newest one is refused.
 */
public final class NewestPerAggregate {

    private NewestPerAggregate() {
    }

    public static List<LoggedEvent> of(List<LoggedEvent> events) {
        Map<String, LoggedEvent> newest = new LinkedHashMap<>();
        for (LoggedEvent event : events) {
            String aggregate = event.envelope().aggregateType() + "/" + event.event().tenant().value() + "/" + event.event().aggregateId();
            newest.merge(aggregate, event, (kept, candidate) ->
                    candidate.event().aggregateVersion() > kept.event().aggregateVersion() ? candidate : kept);
        }
        return List.copyOf(newest.values());
    }
}
