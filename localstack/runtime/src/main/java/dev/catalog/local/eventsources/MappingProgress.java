package dev.catalog.local.eventsources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** What a mapping's poller has done so far; written by the poller, read by {@code status()} from any thread. */
final class MappingProgress {

    private final MappingDefinition mapping;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong sentToDestination = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private volatile MappingState state;
    private volatile Instant lastBatchAt;
    private volatile String lastOutcome;
    private volatile String lastError;

    MappingProgress(MappingDefinition mapping) {
        this.mapping = mapping;
        this.state = mapping.enabled() ? MappingState.STARTING : MappingState.DISABLED;
    }

    void state(MappingState state) {
        this.state = state;
    }

    void invoked(Instant at, String outcome, boolean retry) {
        lastBatchAt = at;
        lastOutcome = outcome;
        if (retry) {
            retries.incrementAndGet();
        }
    }

    void sentToDestination(int records) {
        sentToDestination.addAndGet(records);
    }

    void discarded(int records) {
        discarded.addAndGet(records);
    }

    void error(String error) {
        lastError = error;
    }

    MappingStatus snapshot(List<MappingStatus.PartitionLag> lag) {
        return new MappingStatus(mapping.functionLogicalId(), mapping.eventName(), mapping.consumerGroupId(),
                mapping.topics(), state, Optional.ofNullable(lastBatchAt), Optional.ofNullable(lastOutcome),
                retries.get(), sentToDestination.get(), discarded.get(), Optional.ofNullable(lastError), lag);
    }
}
