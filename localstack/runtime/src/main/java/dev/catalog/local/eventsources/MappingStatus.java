package dev.catalog.local.eventsources;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What {@code ./catalog status} shows of a mapping.
 *
 * @param lastBatchAt              when the last invocation ended
 * @param lastOutcome              how it ended: {@code OK}, {@code PARTIAL_FAILURE}, {@code FAILED: <reason>}
 * @param retries                  invocations that retried a failed batch, since the runtime started
 * @param recordsSentToDestination records given up and written to the on-failure destination
 * @param recordsDiscarded         records given up without a destination (Lambda skips them)
 * @param lag                      per partition of its topics; empty when the cluster could not be asked
 */
public record MappingStatus(String function, String event, String consumerGroup, List<String> topics,
                            MappingState state, Optional<Instant> lastBatchAt, Optional<String> lastOutcome,
                            long retries, long recordsSentToDestination, long recordsDiscarded,
                            Optional<String> lastError, List<PartitionLag> lag) {

    public MappingStatus {
        topics = List.copyOf(topics);
        lag = List.copyOf(lag);
    }

    /**
     * @param committedOffset the group's next offset to process, empty before it committed any
     * @param logStartOffset  the oldest offset still in the log, where a group without a commit would count from
     */
    public record PartitionLag(String topic, int partition, long logEndOffset, long logStartOffset,
                               OptionalLong committedOffset) {

        /** Records written and not yet processed: log end offset minus committed offset. */
        public long lag() {
            return logEndOffset - committedOffset.orElse(logStartOffset);
        }
    }
}
