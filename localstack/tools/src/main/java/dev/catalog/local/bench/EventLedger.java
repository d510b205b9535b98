package dev.catalog.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The events a benchmark's commands produced, and when each was committed and then seen at each stage of the
 * pipeline. Times are wall-clock microseconds: the benchmark, Debezium and PostgreSQL share this machine's clock, so
 * a time from an event's headers ({@code occurred_at}) compares with the benchmark's own.
 */
final class EventLedger {

    /** Where an event is seen after its commit. */
    enum Stage {
        /** A record on a catalog.* topic, received by a consumer of the benchmark. */
        KAFKA,
        /** {@code catalog_read.product_detail} holds the event's version. */
        DETAIL,
        /** A search of the {@code products} alias returns the document at the event's version (refreshed). */
        SEARCH
    }

    /** An event as the outbox identifies it: one version of one aggregate. */
    record EventKey(String aggregateType, String aggregateId, long version) {
    }

    /** One event's times; -1 until known. */
    static final class Timeline {
        private final EventKey key;
        private volatile long committed = -1;
        private volatile long occurredAt = -1;
        private final long[] seen = {-1, -1, -1};

        private Timeline(EventKey key) {
            this.key = key;
        }

        EventKey key() {
            return key;
        }

        long committed() {
            return committed;
        }

        long occurredAt() {
            return occurredAt;
        }

        synchronized long seen(Stage stage) {
            return seen[stage.ordinal()];
        }

        /** From commit to {@code stage}, in microseconds; -1 while either is unknown. Never below zero. */
        synchronized long latency(Stage stage) {
            long at = seen[stage.ordinal()];
            return committed < 0 || at < 0 ? -1 : Math.max(0, at - committed);
        }

        /** From commit to visible in both read models; -1 until it is. */
        long readModelsLatency() {
            long detail = latency(Stage.DETAIL);
            long search = latency(Stage.SEARCH);
            return detail < 0 || search < 0 ? -1 : Math.max(detail, search);
        }

        private synchronized void seenAt(Stage stage, long micros) {
            if (seen[stage.ordinal()] < 0) {
                seen[stage.ordinal()] = micros;
            }
        }
    }

    private static final Duration AWAIT_POLL = Duration.ofMillis(20);

    private final ConcurrentMap<EventKey, Timeline> timelines = new ConcurrentHashMap<>();
    private final Map<Stage, ConcurrentMap<EventKey, Timeline>> awaited = new EnumMap<>(Stage.class);

    EventLedger() {
        for (Stage stage : Stage.values()) {
            awaited.put(stage, new ConcurrentHashMap<>());
        }
    }

    /**
     * A command that produced {@code key} was answered 2xx at {@code micros}: its commit happened by then. Only the
     * first answer counts: a later command that changed nothing answers the same version again.
     */
    void committed(EventKey key, long micros) {
        Timeline timeline = timelines.computeIfAbsent(key, Timeline::new);
        synchronized (timeline) {
            if (timeline.committed >= 0) {
                return;
            }
            timeline.committed = micros;
        }
        for (Stage stage : Stage.values()) {
            if (timeline.seen(stage) < 0) {
                awaited.get(stage).put(key, timeline);
            }
        }
    }

    /** The event was seen at {@code stage} at {@code micros}; the first sighting counts. */
    void seen(Stage stage, EventKey key, long micros) {
        Timeline timeline = timelines.computeIfAbsent(key, Timeline::new);
        timeline.seenAt(stage, micros);
        awaited.get(stage).remove(key);
    }

    /** The event's record carried {@code occurred_at}: when the command stamped it, before committing. */
    void occurredAt(EventKey key, long micros) {
        timelines.computeIfAbsent(key, Timeline::new).occurredAt = micros;
    }

    /** Committed events not yet seen at {@code stage}. */
    Collection<Timeline> awaited(Stage stage) {
        return awaited.get(stage).values();
    }

    /**
     * Waits until every event committed from {@code fromMicros} on has been seen at each of {@code stages}, or until
     * {@code patience} has passed; whether they all were.
     */
    boolean awaitSeen(Duration patience, long fromMicros, Stage... stages) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!allSeen(fromMicros, stages)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(AWAIT_POLL.toMillis());
        }
        return true;
    }

    private boolean allSeen(long fromMicros, Stage... stages) {
        for (Stage stage : stages) {
            for (Timeline timeline : awaited(stage)) {
                if (timeline.committed() >= fromMicros) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Events committed from {@code fromMicros} (included) to {@code toMicros} (excluded). */
    List<Timeline> committedBetween(long fromMicros, long toMicros) {
        List<Timeline> found = new ArrayList<>();
        for (Timeline timeline : timelines.values()) {
            long committed = timeline.committed();
            if (committed >= fromMicros && committed < toMicros) {
                found.add(timeline);
            }
        }
        return found;
    }
}
