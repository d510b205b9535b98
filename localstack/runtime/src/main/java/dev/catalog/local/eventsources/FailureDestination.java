package dev.catalog.local.eventsources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A Kafka topic as on-failure destination (kafka-on-failure-destination.html): Lambda produces one message per
 * failed record, keyed by the record's own key, whose value holds the failure metadata and, under {@code payload},
 * the record itself in the event shape the function receives:
 * <pre>{@code
 * {"requestContext":{"requestId":..,"functionArn":..,"condition":"RetryAttemptsExhausted","approximateInvokeCount":3},
 *  "responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},
 *  "version":"1.0","timestamp":"2019-11-14T18:16:05.568Z",
 *  "KafkaBatchInfo":{"batchSize":1,"eventSourceArn":..,"bootstrapServers":..,"payloadSize":1162,
 *                    "recordInfo":{"offset":"100","timestamp":"2019-11-14T18:16:04.835Z"}},
 *  "payload":{"bootstrapServers":..,"eventSource":"aws:kafka","eventSourceArn":..,"records":{"my-topic-0":[..]}}}
 * }</pre>
 * Each send is acknowledged by the broker before the source offsets move past the record.
 */
final class FailureDestination implements AutoCloseable {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final String VERSION = "1.0";
    private static final String EXECUTED_VERSION = "$LATEST";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String topic;
    private final Producer<byte[], byte[]> producer;
    private final KafkaEvents events;
    private final String functionArn;
    private final Clock clock;

    FailureDestination(String topic, Producer<byte[], byte[]> producer, KafkaEvents events, String functionArn,
                       Clock clock) {
        this.topic = topic;
        this.producer = producer;
        this.events = events;
        this.functionArn = functionArn;
        this.clock = clock;
    }

    static FailureDestination connect(String topic, String bootstrapServers, String clientId, KafkaEvents events,
                                      String functionArn) {
        Producer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT.toMillis() / 2,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new ByteArraySerializer(), new ByteArraySerializer());
        return new FailureDestination(topic, producer, events, functionArn, Clock.systemUTC());
    }

    String topic() {
        return topic;
    }

    /**
     * Produces one message per record and waits until the broker has them all.
     *
     * @throws KafkaException when the destination does not take them: the caller must not commit the records
     */
    void send(List<ConsumerRecord<byte[], byte[]>> records, Failure failure) {
        String now = timestamp(clock.instant());
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            byte[] payload = events.write(List.of(record));
            FailureRecord message = new FailureRecord(
                    new RequestContext(failure.requestId(), functionArn, failure.condition().value(),
                            failure.approximateInvokeCount()),
                    failure.lastInvocation()
                            .map(invocation -> new ResponseContext(200, EXECUTED_VERSION, invocation.functionError().orElse(null)))
                            .orElse(null),
                    VERSION,
                    now,
                    new KafkaBatchInfo(1, events.eventSourceArn(), events.bootstrapServers(), payload.length,
                            new RecordInfo(Long.toString(record.offset()), timestamp(Instant.ofEpochMilli(record.timestamp())))),
                    new String(payload, StandardCharsets.UTF_8));
            sent.add(producer.send(new ProducerRecord<>(topic, null, record.key(), KafkaEvents.json(message))));
        }
        for (Future<RecordMetadata> send : sent) {
            await(send);
        }
    }

    private void await(Future<RecordMetadata> send) {
        try {
            send.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("on-failure destination " + topic + " did not take a failed record", e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("on-failure destination " + topic + " did not acknowledge a failed record within "
                    + SEND_TIMEOUT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.apache.kafka.common.errors.InterruptException(e);
        }
    }

    /** As AWS writes them: {@code 2019-11-14T18:16:05.568Z}, always with milliseconds. */
    static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /**
     * Why records are given up.
     *
     * @param lastInvocation absent when the records were never sent to the function: the message then has no
     *                       {@code responseContext}, as AWS documents for MaximumPayloadSizeExceeded
     */
    record Failure(Condition condition, int approximateInvokeCount, Optional<LastInvocation> lastInvocation) {

        String requestId() {
            return lastInvocation.map(LastInvocation::requestId).orElseGet(() -> UUID.randomUUID().toString());
        }
    }

    /**
     * @param functionError {@code Unhandled} when the function threw or timed out; empty when it answered but its
     *                      response failed the records (batch item failures, or a response Lambda cannot use)
     */
    record LastInvocation(String requestId, Optional<String> functionError) {
    }

    /** {@code requestContext.condition}. */
    enum Condition {
        RETRY_ATTEMPTS_EXHAUSTED("RetryAttemptsExhausted"),
        RECORD_AGE_EXCEEDED("RecordAgeExceeded"),
        MAXIMUM_PAYLOAD_SIZE_EXCEEDED("MaximumPayloadSizeExceeded");

        private final String value;

        Condition(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }

    @JsonPropertyOrder({"requestContext", "responseContext", "version", "timestamp", "KafkaBatchInfo", "payload"})
    record FailureRecord(RequestContext requestContext, ResponseContext responseContext, String version,
                         String timestamp, @JsonProperty("KafkaBatchInfo") KafkaBatchInfo kafkaBatchInfo,
                         @JsonRawValue String payload) {
    }

    record RequestContext(String requestId, String functionArn, String condition, int approximateInvokeCount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResponseContext(int statusCode, String executedVersion, String functionError) {
    }

    @JsonPropertyOrder({"batchSize", "eventSourceArn", "bootstrapServers", "payloadSize", "recordInfo"})
    record KafkaBatchInfo(int batchSize, String eventSourceArn, String bootstrapServers, int payloadSize,
                          RecordInfo recordInfo) {
    }

    record RecordInfo(String offset, String timestamp) {
    }
}
