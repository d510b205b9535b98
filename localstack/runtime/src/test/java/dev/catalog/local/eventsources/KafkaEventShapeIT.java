package dev.catalog.local.eventsources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.catalog.local.functions.InvocationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event a function receives, field by field against the sample of AWS's documentation. */
class KafkaEventShapeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FUNCTION = "ShapeFunction";

    private static KafkaFunctions kafka;
    private static RecordingInvoker.Invocation invocation;

    @BeforeAll
    static void deliverTwoRecords() {
        kafka = KafkaFunctions.start("event-shape");
        ProducerRecord<String, String> keyed = new ProducerRecord<>("es.shape", "tenant-1:42", "{\"price\":\"12.50\"}");
        keyed.headers().add("event_type", "\"ProductCreated\"".getBytes(StandardCharsets.UTF_8));
        keyed.headers().add("note", "crème brûlée".getBytes(StandardCharsets.UTF_8));
        kafka.send(keyed);
        kafka.send("es.shape", null, "no key, no headers");
        try (EventSourceMappings mappings = kafka.run(FUNCTION)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.invocations().deliveredTo(FUNCTION).size() == 2
                    && mappings.status().getFirst().lag().getFirst().lag() == 0);
        }
        invocation = kafka.invocations().of(FUNCTION).getFirst();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    /** AWS's sample: with-msk.html, the same as aws-lambda-java-libs' kafka_event.json plus a key. */
    @Test
    void has_the_fields_of_the_aws_sample_in_its_order_with_its_json_types() throws IOException {
        JsonNode sample = awsSample();
        JsonNode event = invocation.event();

        assertThat(fieldNames(event)).isEqualTo(fieldNames(sample));
        assertThat(types(event)).isEqualTo(types(sample));
        JsonNode sampleRecord = sample.path("records").path("mytopic-0").get(0);
        JsonNode keyed = event.path("records").path("es.shape-0").get(0);
        assertThat(fieldNames(keyed)).isEqualTo(fieldNames(sampleRecord));
        assertThat(types(keyed)).isEqualTo(types(sampleRecord));
    }

    @Test
    void names_the_cluster_the_servers_and_each_partition_as_lambda_does() {
        JsonNode event = invocation.event();

        assertThat(event.path("eventSource").asText()).isEqualTo("aws:kafka");
        assertThat(event.path("eventSourceArn").asText())
                .isEqualTo("arn:aws:kafka:us-east-1:000000000000:cluster/catalog-local/11111111-2222-3333-4444-555555555555-1");
        assertThat(event.path("bootstrapServers").asText()).isEqualTo(kafka.bootstrapServers());
        assertThat(fieldNames(event.path("records"))).containsExactly("es.shape-0");
        JsonNode keyed = event.path("records").path("es.shape-0").get(0);
        assertThat(keyed.path("topic").asText()).isEqualTo("es.shape");
        assertThat(keyed.path("partition").asInt()).isZero();
        assertThat(keyed.path("offset").asLong()).isZero();
        assertThat(keyed.path("timestampType").asText()).isEqualTo("CREATE_TIME");
        assertThat(Instant.ofEpochMilli(keyed.path("timestamp").asLong()))
                .isBetween(Instant.now().minusSeconds(120), Instant.now());
        assertThat(keyed.path("key").asText()).isEqualTo("dGVuYW50LTE6NDI=");
        assertThat(keyed.path("value").asText()).isEqualTo("eyJwcmljZSI6IjEyLjUwIn0=");
    }

    @Test
    void writes_header_values_as_signed_bytes() {
        JsonNode headers = invocation.event().path("records").path("es.shape-0").get(0).path("headers");

        assertThat(headers).hasSize(2);
        assertThat(fieldNames(headers.get(0))).containsExactly("event_type");
        assertThat(fieldNames(headers.get(1))).containsExactly("note");
        // "crème brûlée": è is C3 A8, û is C3 BB, é is C3 A9, each byte as Java's signed byte
        assertThat(numbers(headers.get(1).path("note"))).containsExactly(
                99, 114, -61, -88, 109, 101, 32, 98, 114, -61, -69, 108, -61, -87, 101);
    }

    @Test
    void leaves_out_a_null_key_and_gives_an_empty_header_list() {
        JsonNode unkeyed = invocation.event().path("records").path("es.shape-0").get(1);

        assertThat(unkeyed.has("key")).isFalse();
        assertThat(unkeyed.path("headers").isArray()).isTrue();
        assertThat(unkeyed.path("headers")).isEmpty();
        assertThat(unkeyed.path("offset").asLong()).isEqualTo(1);
    }

    @Test
    void is_read_by_the_java_runtime_as_a_kafka_event() throws IOException {
        InvocationResult.Success success = (InvocationResult.Success) invocation.result();
        JsonNode received = JSON.readTree(success.payload()).path("received");

        assertThat(received).hasSize(2);
        assertThat(received.get(0).path("partition").asText()).isEqualTo("es.shape-0");
        assertThat(received.get(0).path("key").asText()).isEqualTo("tenant-1:42");
        assertThat(received.get(0).path("value").asText()).isEqualTo("{\"price\":\"12.50\"}");
        assertThat(JSON.convertValue(received.get(0).path("headers"), new TypeReference<Map<String, String>>() { }))
                .isEqualTo(Map.of("event_type", "\"ProductCreated\"", "note", "crème brûlée"));
        assertThat(received.get(1).has("key")).as("null, left out by the runtime's serializer").isFalse();
        assertThat(received.get(1).path("value").asText()).isEqualTo("no key, no headers");
    }

    private static JsonNode awsSample() throws IOException {
        try (InputStream sample = KafkaEventShapeIT.class.getResourceAsStream("/eventsources/aws-msk-event.json")) {
            return JSON.readTree(sample);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        return StreamSupport.stream(node.properties().spliterator(), false).map(Map.Entry::getKey).toList();
    }

    private static List<JsonNodeType> types(JsonNode node) {
        return StreamSupport.stream(node.properties().spliterator(), false)
                .map(field -> field.getValue().getNodeType()).toList();
    }

    private static List<Integer> numbers(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asInt).toList();
    }
}
