package dev.catalog.projection.search;

import dev.catalog.platform.events.LoggedEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest event of each aggregate in a batch. Events carry the aggregate's whole state after the change, so the
 * newest one writes what all of them together would: a replay of ten events of a product sends one scripted update
 * instead of ten, and no two updates of one document meet in the same bulk request.
 *
 * <p>Only for replays. The live path writes every event, because it answers for each one (a refused event goes to the
 * dead-letter topic); a replay only needs the read model to end right, which the verification checks.
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
