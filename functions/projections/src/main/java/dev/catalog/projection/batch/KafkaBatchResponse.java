package dev.catalog.projection.batch;

import java.util.List;

/**
 * The answer to a Kafka event source mapping with {@code ReportBatchItemFailures}: for each partition that must be
 * retried, the offset to resume from. An empty list means the whole batch succeeded.
 */
public record KafkaBatchResponse(List<BatchItemFailure> batchItemFailures) {

    public KafkaBatchResponse {
        batchItemFailures = List.copyOf(batchItemFailures);
    }

    /** @param partition {@code <topic>-<partition>}, as the event names it */
    public record ItemIdentifier(String partition, long offset) {
    }

    public record BatchItemFailure(ItemIdentifier itemIdentifier) {
    }
}
