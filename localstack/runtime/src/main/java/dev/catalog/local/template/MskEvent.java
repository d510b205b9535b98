package dev.catalog.local.template;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A Kafka event source mapping on an MSK cluster ({@code Type: MSK}), with Lambda's defaults filled in where the
 * template leaves a setting out.
 *
 * @param stream                        the cluster, as the runtime resolved it (a local ARN)
 * @param batchSize                     records per invocation at most; 100 by default
 * @param maximumBatchingWindow         how long records are gathered before an invocation; 500 ms by default
 * @param consumerGroupId               the consumer group; Lambda makes one up (a UUID) when absent
 * @param maximumRetryAttempts          retries of a failing batch; -1 (until the records expire) by default
 * @param maximumRecordAgeInSeconds     records older than this are not sent; -1 (no limit) by default
 * @param onFailure                     where batches that exhausted their retries go
 * @param filterPatterns                {@code FilterCriteria.Filters[].Pattern}, JSON event filter patterns
 */
public record MskEvent(String name, String stream, List<String> topics, StartingPosition startingPosition,
                       Optional<Instant> startingPositionTimestamp, int batchSize, Duration maximumBatchingWindow,
                       Optional<String> consumerGroupId, boolean enabled, List<String> functionResponseTypes,
                       int maximumRetryAttempts, int maximumRecordAgeInSeconds, boolean bisectBatchOnFunctionError,
                       Optional<FailureDestination> onFailure, List<String> filterPatterns) implements FunctionEvent {

    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final Duration DEFAULT_BATCHING_WINDOW = Duration.ofMillis(500);
    public static final int UNLIMITED = -1;
    public static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";

    public MskEvent {
        topics = List.copyOf(topics);
        functionResponseTypes = List.copyOf(functionResponseTypes);
        filterPatterns = List.copyOf(filterPatterns);
    }

    /** The function answers {@code batchItemFailures} instead of failing a whole batch. */
    public boolean reportsBatchItemFailures() {
        return functionResponseTypes.contains(REPORT_BATCH_ITEM_FAILURES);
    }

    public enum StartingPosition { TRIM_HORIZON, LATEST, AT_TIMESTAMP }

    /**
     * {@code DestinationConfig.OnFailure}.
     *
     * @param type        SQS, SNS, S3 or Kafka, when the template says (a SAM-only key)
     * @param destination the destination's ARN as the runtime resolved it, or {@code kafka://topic}
     */
    public record FailureDestination(Optional<String> type, String destination) {
    }
}
