package dev.catalog.systemtest.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.functions.InvocationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
