package dev.catalog.projection.batch;

import dev.catalog.platform.events.LoggedEvent;
import java.util.Collection;
import java.util.List;

/** A read model fed from the event log: applies batches of decoded events to every version being served or built. */
public interface Projection {

    /** The projection's name in the version tracker ({@code detail}, {@code search}). */
    String name();

    /**
     * Applies the events, in log order, to every LIVE and BUILDING version, and records the partitions' progress.
     * Idempotent and order-tolerant: an event older than what a version holds changes nothing.
     *
     * @return the events refused as poison (data the store will not take), with the reason
     * @throws RuntimeException when the store is unavailable: the batch fails and the event source retries it
     */
    List<Refused> apply(List<LoggedEvent> events, Collection<PartitionProgress> progress);

    record Refused(LoggedEvent event, String reason) {
    }
}
