package dev.catalog.local.eventsources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.local.functions.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchOutcomeTest {

    /** t-0 offsets 5..8, t-1 offsets 2..3. */
    private static final Batch BATCH = new Batch(List.of(record(0, 5), record(1, 2), record(0, 6), record(0, 7),
            record(1, 3), record(0, 8)));

    @Test
    void fails_the_batch_when_the_function_throws() {
        InvocationResult error = new InvocationResult.FunctionError("request", "java.lang.IllegalStateException",
                "database down", List.of(), Duration.ZERO, Optional.empty());

        assertThat(BatchOutcome.of(error, BATCH, true))
                .isEqualTo(new BatchOutcome.Failed("java.lang.IllegalStateException: database down", true));
    }

    @Test
    void ignores_the_response_unless_the_mapping_reports_batch_item_failures() {
        assertThat(BatchOutcome.of(success("{\"batchItemFailures\":[{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":6}}]}"),
                BATCH, false)).isEqualTo(new BatchOutcome.Succeeded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{}", "{\"batchItemFailures\":[]}", "{\"batchItemFailures\":null}",
            "{\"other\":1}"})
    void takes_an_empty_or_null_response_as_success(String response) {
        assertThat(BatchOutcome.of(success(response), BATCH, true)).isEqualTo(new BatchOutcome.Succeeded());
    }

    @Test
    void keeps_the_lowest_reported_offset_of_each_partition() {
        BatchOutcome outcome = BatchOutcome.of(success("""
                {"batchItemFailures":[
                  {"itemIdentifier":{"partition":"t-0","offset":7}},
                  {"itemIdentifier":{"partition":"t-1","offset":3}},
                  {"itemIdentifier":{"partition":"t-0","offset":6}}]}"""), BATCH, true);

        assertThat(outcome).isEqualTo(new BatchOutcome.PartiallyFailed(Map.of(
                new TopicPartition("t", 0), 6L, new TopicPartition("t", 1), 3L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":9}}",
            "{\"itemIdentifier\":{\"partition\":\"t-2\",\"offset\":5}}",
            "{\"itemIdentifier\":{\"partition\":\"other-0\",\"offset\":5}}",
            "{\"itemIdentifier\":null}",
            "{\"itemIdentifier\":{}}",
            "{\"itemIdentifier\":\"t-0:5\"}",
            "{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":\"5\"}}",
            "{\"itemIdentifier\":{\"partition\":\"t0\",\"offset\":5}}",
            "{\"itemIdentifier\":{\"partition\":\"t-0\",\"offset\":5.5}}",
            "{}"})
    void fails_the_whole_batch_for_an_identifier_it_cannot_use(String failure) {
        BatchOutcome outcome = BatchOutcome.of(success("{\"batchItemFailures\":[" + failure + "]}"), BATCH, true);

        assertThat(outcome).isInstanceOfSatisfying(BatchOutcome.Failed.class, failed -> {
            assertThat(failed.functionError()).isFalse();
            assertThat(failed.reason()).startsWith("invalid batch item failures: ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"done\"", "[]", "{\"batchItemFailures\":{}}", "not json"})
    void fails_the_whole_batch_for_a_response_that_is_not_a_batch_response(String response) {
        assertThat(BatchOutcome.of(success(response), BATCH, true)).isInstanceOf(BatchOutcome.Failed.class);
    }

    private static InvocationResult success(String payload) {
        return new InvocationResult.Success("request", payload.getBytes(StandardCharsets.UTF_8), Duration.ZERO,
                Optional.empty());
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>("t", partition, offset, null, "v".getBytes(StandardCharsets.UTF_8));
    }
}
