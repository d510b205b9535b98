package dev.catalog.projection.batch;

import dev.catalog.platform.projection.ProjectionVersionStore;
import java.time.Instant;

/**
 * What a batch moved one partition past: the highest outbox sequence among its records, how many events it applied,
 * and the newest heartbeat it carried (null when none).
 */
public record PartitionProgress(String topicPartition, long lastSequence, long eventsApplied, Instant lastHeartbeat)
        implements ProjectionVersionStore.PartitionMark {

    PartitionProgress merge(long sequence, long events, Instant heartbeat) {
        Instant newest = lastHeartbeat == null || (heartbeat != null && heartbeat.isAfter(lastHeartbeat)) ? heartbeat : lastHeartbeat;
        return new PartitionProgress(topicPartition, Math.max(lastSequence, sequence), eventsApplied + events, newest);
    }
}
