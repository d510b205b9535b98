package dev.catalog.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.functions.InvocationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A projection function invoked as its event source mapping invokes it, with records read from the event topics. */
public final class ProjectionCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProjectionCalls() {
    }

    /** The function's answer (its partial batch response) to the records, as one MSK event. */
    public static JsonNode invoke(CatalogStack stack, String function, List<ConsumerRecord<String, String>> records) {
        return invoke(stack, function, KafkaEventJson.of(records));
    }

    public static JsonNode invoke(CatalogStack stack, String function, String kafkaEvent) {
        InvocationResult result = stack.stack().functions().invoke(function, kafkaEvent.getBytes(StandardCharsets.UTF_8));
        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        try {
            return JSON.readTree(((InvocationResult.Success) result).payload());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The function's event source mapping has not committed past any of {@code records}: it has not processed them. */
    public static void assertNotDeliveredByTheMapping(CatalogStack stack, String function,
                                                      List<ConsumerRecord<String, String>> records) {
        assertThat(records).allSatisfy(record -> assertThat(committedOffset(stack, function, record))
                .as("%s's mapping already committed past %s-%d@%d", function, record.topic(), record.partition(), record.offset())
                .isLessThanOrEqualTo(record.offset()));
    }

    /** Waits until the function's event source mapping has committed past every one of {@code records}: processed. */
    public static void awaitDeliveredByTheMapping(CatalogStack stack, String function,
                                                  List<ConsumerRecord<String, String>> records, Duration within) {
        await().atMost(within).untilAsserted(() -> assertThat(records).allSatisfy(record ->
                assertThat(committedOffset(stack, function, record)).isGreaterThan(record.offset())));
    }

    /** The next offset the function's mapping will process in the record's partition; 0 before it committed any. */
    private static long committedOffset(CatalogStack stack, String function, ConsumerRecord<String, String> record) {
        return stack.stack().eventSources().status().stream()
                .filter(mapping -> mapping.function().equals(function))
                .flatMap(mapping -> mapping.lag().stream())
                .filter(lag -> lag.topic().equals(record.topic()) && lag.partition() == record.partition())
                .findFirst().orElseThrow(() -> new AssertionError(function + " has no mapping on " + record.topic()))
                .committedOffset().orElse(0);
    }

    public static void assertNoFailures(JsonNode response) {
        assertThat(response.get("batchItemFailures")).isEmpty();
    }

    /** The outbox sequence Debezium put in the record's headers. */
    public static long sequence(ConsumerRecord<String, String> record) {
        return Long.parseLong(header(record, "sequence"));
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
