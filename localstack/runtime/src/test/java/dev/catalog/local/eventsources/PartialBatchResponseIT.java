package dev.catalog.local.eventsources;

import static dev.catalog.local.eventsources.BatchingIT.awaitCommitted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.eventsources.RecordingInvoker.Delivered;
import dev.catalog.local.eventsources.RecordingInvoker.Invocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code FunctionResponseTypes: [ReportBatchItemFailures]} as kafka-retry-configurations.html describes it. */
class PartialBatchResponseIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaFunctions kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaFunctions.start("partial-batch-response");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void redelivers_a_partition_from_the_reported_record_and_not_before() {
        IntStream.range(0, 10).forEach(i -> kafka.send("es.partial", "k", i == 4 ? "reject-once" : "r" + i));

        try (EventSourceMappings mappings = kafka.run("PartialFunction")) {
            awaitCommitted(mappings, 10);
            assertThat(mappings.status().getFirst().retries()).isEqualTo(1);
        }

        assertThat(kafka.invocations().of("PartialFunction"))
                .extracting(invocation -> invocation.records().stream().map(Delivered::offset).toList())
                .containsExactly(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), List.of(4L, 5L, 6L, 7L, 8L, 9L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-offset", "unknown-partition", "null", "empty"})
    void fails_the_whole_batch_for_an_identifier_lambda_cannot_use(String identifier) throws IOException {
        int invokedBefore = kafka.invocations().of("InvalidIdentifierFunction").size();
        int failedBefore = countFailures();
        kafka.send("es.invalid-identifier", "k", "fine-" + identifier);
        kafka.send("es.invalid-identifier", "k", "identifier:" + identifier);

        try (EventSourceMappings mappings = kafka.run("InvalidIdentifierFunction")) {
            awaitCommitted(mappings, failedBefore + 2);
        }

        List<Invocation> invocations = kafka.invocations().of("InvalidIdentifierFunction");
        assertThat(invocations.subList(invokedBefore, invocations.size()))
                .as("the first invocation and its one retry, each with the whole batch")
                .extracting(invocation -> invocation.records().stream().map(Delivered::value).toList())
                .containsExactly(List.of("fine-" + identifier, "identifier:" + identifier),
                        List.of("fine-" + identifier, "identifier:" + identifier));
        List<JsonNode> failures = kafka.read("es.invalid-identifier-failures", failedBefore + 2).stream()
                .skip(failedBefore).map(record -> read(record.value())).toList();
        assertThat(failures).hasSize(2).allSatisfy(failure -> {
            assertThat(failure.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
            assertThat(failure.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(2);
            assertThat(failure.path("responseContext").has("functionError"))
                    .as("the function answered; Lambda could not use its answer").isFalse();
        });
    }

    @Test
    void ignores_batch_item_failures_when_the_mapping_does_not_report_them() {
        kafka.send("es.ignored-response", "k", "reject");
        kafka.send("es.ignored-response", "k", "fine");

        try (EventSourceMappings mappings = kafka.run("IgnoredResponseFunction")) {
            awaitCommitted(mappings, 2);
            assertThat(mappings.status().getFirst().retries()).isZero();
        }

        assertThat(kafka.invocations().deliveredTo("IgnoredResponseFunction")).extracting(Delivered::value)
                .containsExactly("reject", "fine");
    }

    /** Records sent to the mapping so far: each earlier case gave both of its records up. */
    private static int countFailures() {
        return (int) kafka.invocations().deliveredTo("InvalidIdentifierFunction").stream()
                .map(Delivered::offset).distinct().count();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
