package dev.catalog.local.eventsources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.functions.InvocationResult;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/** How the function dealt with a batch, read as Lambda reads it (kafka-retry-configurations.html). */
sealed interface BatchOutcome {

    /** Every record is done. */
    record Succeeded() implements BatchOutcome {
    }

    /**
     * The function reported {@code batchItemFailures}: per partition, the lowest offset it reported. Records before
     * it are done; it and the records after it are retried, so the partition keeps its order.
     */
    record PartiallyFailed(Map<TopicPartition, Long> firstFailures) implements BatchOutcome {

        public PartiallyFailed {
            firstFailures = Map.copyOf(firstFailures);
        }
    }

    /**
     * The whole batch failed.
     *
     * @param functionError the function threw or timed out (what {@code BisectBatchOnFunctionError} reacts to), as
     *                      opposed to a response Lambda cannot use
     */
    record Failed(String reason, boolean functionError) implements BatchOutcome {
    }

    String BATCH_ITEM_FAILURES = "batchItemFailures";

    /**
     * Reads an invocation's result. Without {@code ReportBatchItemFailures} on the mapping the response is ignored.
     * With it: no response, {@code null}, {@code {}} or an empty or null {@code batchItemFailures} mean success;
     * "Any invalid topic-partition_number or offset returned that was not present in the invoked event will be
     * treated as failure and entire batch will be retried", and so is any identifier that is missing, null or not
     * shaped {@code {"partition":"<topic>-<partition>","offset":<n>}}.
     */
    static BatchOutcome of(InvocationResult result, Batch batch, boolean reportsBatchItemFailures) {
        return switch (result) {
            case InvocationResult.FunctionError error -> new Failed(error.errorType() + ": " + error.errorMessage(), true);
            case InvocationResult.Success success when !reportsBatchItemFailures -> new Succeeded();
            case InvocationResult.Success success -> BatchItemFailures.read(success.payload(), batch);
        };
    }

    /** Parses {@code {"batchItemFailures":[{"itemIdentifier":{"partition":"t-0","offset":15}}]}}. */
    final class BatchItemFailures {

        private static final ObjectMapper JSON = new ObjectMapper();

        private BatchItemFailures() {
        }

        static BatchOutcome read(byte[] payload, Batch batch) {
            JsonNode response;
            try {
                response = payload.length == 0 ? null : JSON.readTree(payload);
            } catch (IOException e) {
                return invalid("the response is not JSON");
            }
            if (response == null || response.isNull() || response.isMissingNode()) {
                return new Succeeded();
            }
            if (!response.isObject()) {
                return invalid("the response is not an object with " + BATCH_ITEM_FAILURES);
            }
            JsonNode failures = response.path(BATCH_ITEM_FAILURES);
            if (failures.isMissingNode() || failures.isNull() || failures.isEmpty() && failures.isArray()) {
                return new Succeeded();
            }
            if (!failures.isArray()) {
                return invalid(BATCH_ITEM_FAILURES + " is not a list");
            }
            Map<TopicPartition, Long> firstFailures = new LinkedHashMap<>();
            for (JsonNode failure : failures) {
                JsonNode identifier = failure.path("itemIdentifier");
                Optional<TopicPartition> partition = partition(identifier.path("partition"));
                JsonNode offset = identifier.path("offset");
                if (partition.isEmpty() || !offset.isIntegralNumber() || !offset.canConvertToLong()) {
                    return invalid(failure + " has no itemIdentifier {\"partition\":\"<topic>-<partition>\","
                            + "\"offset\":<offset>}");
                }
                if (!batch.contains(partition.get(), offset.longValue())) {
                    return invalid("itemIdentifier " + identifier + " is not a record of the batch");
                }
                firstFailures.merge(partition.get(), offset.longValue(), Math::min);
            }
            return new PartiallyFailed(firstFailures);
        }

        private static Optional<TopicPartition> partition(JsonNode partition) {
            if (!partition.isTextual()) {
                return Optional.empty();
            }
            String text = partition.textValue();
            int dash = text.lastIndexOf('-');
            if (dash <= 0 || dash == text.length() - 1) {
                return Optional.empty();
            }
            try {
                return Optional.of(new TopicPartition(text.substring(0, dash), Integer.parseInt(text.substring(dash + 1))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private static BatchOutcome invalid(String reason) {
            return new Failed("invalid batch item failures: " + reason, false);
        }
    }
}
