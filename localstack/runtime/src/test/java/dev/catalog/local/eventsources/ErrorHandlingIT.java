package dev.catalog.local.eventsources;

import static dev.catalog.local.eventsources.BatchingIT.awaitCommitted;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.eventsources.RecordingInvoker.Delivered;
import dev.catalog.local.eventsources.RecordingInvoker.Invocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Retries with backoff, bisection, record age, and the Kafka on-failure destination. */
class ErrorHandlingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaFunctions kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaFunctions.start("error-handling");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void retries_with_backoff_then_writes_the_record_to_the_failure_topic_and_moves_on() throws IOException {
        kafka.send("es.retry", "poison-key", "fail");
        kafka.send("es.retry", "other-key", "fine");

        try (EventSourceMappings mappings = kafka.run("RetryFunction")) {
            awaitCommitted(mappings, 2);
            MappingStatus status = mappings.status().getFirst();
            assertThat(status.retries()).isEqualTo(2);
            assertThat(status.recordsSentToDestination()).isEqualTo(1);
            assertThat(status.state()).isEqualTo(MappingState.ENABLED);
        }

        List<Invocation> invocations = kafka.invocations().of("RetryFunction");
        assertThat(invocations).extracting(invocation -> invocation.records().getFirst().value())
                .containsExactly("fail", "fail", "fail", "fine");
        assertThat(Duration.between(invocations.get(0).started(), invocations.get(1).started()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(invocations.get(1).started(), invocations.get(2).started()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(400));

        ConsumerRecord<String, String> failed = kafka.read("es.retry-failures", 1).getFirst();
        assertThat(failed.key()).as("the record's own key").isEqualTo("poison-key");
        JsonNode failure = JSON.readTree(failed.value());
        assertThat(failure.path("requestContext").path("requestId").asText())
                .isEqualTo(invocations.get(2).result().requestId());
        assertThat(failure.path("requestContext").path("functionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:RetryFunction");
        assertThat(failure.path("requestContext").path("condition").asText()).isEqualTo("RetryAttemptsExhausted");
        assertThat(failure.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(failure.path("responseContext").path("statusCode").asInt()).isEqualTo(200);
        assertThat(failure.path("responseContext").path("executedVersion").asText()).isEqualTo("$LATEST");
        assertThat(failure.path("responseContext").path("functionError").asText()).isEqualTo("Unhandled");
        assertThat(failure.path("version").asText()).isEqualTo("1.0");
        assertThat(failure.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode batchInfo = failure.path("KafkaBatchInfo");
        assertThat(batchInfo.path("batchSize").asInt()).isEqualTo(1);
        assertThat(batchInfo.path("eventSourceArn").asText()).startsWith("arn:aws:kafka:us-east-1:000000000000:cluster/");
        assertThat(batchInfo.path("bootstrapServers").asText()).isEqualTo(kafka.bootstrapServers());
        assertThat(batchInfo.path("payloadSize").asInt())
                .isEqualTo(JSON.writeValueAsBytes(failure.path("payload")).length);
        assertThat(batchInfo.path("recordInfo").path("offset").asText()).isEqualTo("0");
        JsonNode record = failure.path("payload").path("records").path("es.retry-0").get(0);
        assertThat(failure.path("payload").path("eventSource").asText()).isEqualTo("aws:kafka");
        assertThat(decode(record.path("value").asText())).isEqualTo("fail");
        assertThat(decode(record.path("key").asText())).isEqualTo("poison-key");
    }

    @Test
    void bisects_a_failing_batch_until_the_failing_record_is_alone() throws IOException {
        IntStream.range(0, 8).forEach(i -> kafka.send("es.bisect", "k", i == 5 ? "fail" : "r" + i));

        try (EventSourceMappings mappings = kafka.run("BisectFunction")) {
            awaitCommitted(mappings, 8);
            assertThat(mappings.status().getFirst().retries()).as("splitting is not retrying").isZero();
        }

        List<Invocation> invocations = kafka.invocations().of("BisectFunction");
        assertThat(invocations).extracting(invocation -> invocation.records().stream().map(Delivered::offset).toList())
                .containsExactly(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), List.of(0L, 1L, 2L, 3L),
                        List.of(4L, 5L, 6L, 7L), List.of(4L, 5L), List.of(4L), List.of(5L), List.of(6L, 7L));
        ConsumerRecord<String, String> failed = kafka.read("es.bisect-failures", 1).getFirst();
        JsonNode failure = JSON.readTree(failed.value());
        assertThat(failure.path("KafkaBatchInfo").path("recordInfo").path("offset").asText()).isEqualTo("5");
        assertThat(failure.path("requestContext").path("approximateInvokeCount").asInt()).isEqualTo(4);
    }

    @Test
    void gives_up_records_older_than_the_maximum_age_without_invoking_the_function() throws IOException {
        long threeMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(3).toMillis();
        kafka.send(new ProducerRecord<>("es.age", null, threeMinutesAgo, "k", "stale"));
        kafka.send("es.age", "k", "fresh");

        try (EventSourceMappings mappings = kafka.run("AgeFunction")) {
            awaitCommitted(mappings, 2);
        }

        assertThat(kafka.invocations().deliveredTo("AgeFunction")).extracting(Delivered::value).containsExactly("fresh");
        JsonNode failure = JSON.readTree(kafka.read("es.age-failures", 1).getFirst().value());
        assertThat(failure.path("requestContext").path("condition").asText()).isEqualTo("RecordAgeExceeded");
        assertThat(failure.path("requestContext").path("approximateInvokeCount").asInt()).isZero();
        assertThat(failure.path("responseContext").isNull()).isTrue();
        assertThat(failure.path("KafkaBatchInfo").path("recordInfo").path("timestamp").asText())
                .isEqualTo(FailureDestination.timestamp(Instant.ofEpochMilli(threeMinutesAgo)));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
