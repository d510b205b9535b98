package dev.catalog.projection.deadletter;

import dev.catalog.platform.config.Environment;
import dev.catalog.platform.kafka.KafkaConnection;
import dev.catalog.projection.log.OutboxRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter topic ({@code DEAD_LETTER_TOPIC}, default {@code catalog.dead-letter}) on the cluster of
 * {@code KAFKA_BOOTSTRAP_SERVERS}, signed in to as {@code KAFKA_AUTH} says ({@code none} locally, {@code iam} on
 * MSK): the original key, value and
 * headers, plus {@code dead-letter.*} headers saying which projection refused it, why, and where it came from. The
 * producer is created on first use, so a batch without poison never connects.
 */
public final class KafkaDeadLetters implements DeadLetters, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaDeadLetters.class);
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final Properties config;
    private final String topic;
    private final DeadLetterMetric metric;
    private KafkaProducer<String, String> producer;

    public KafkaDeadLetters(KafkaConnection connection, String topic) {
        this(connection, topic, new DeadLetterMetric("local", System.out));
    }

    public KafkaDeadLetters(KafkaConnection connection, String topic, DeadLetterMetric metric) {
        this.topic = topic;
        this.metric = metric;
        this.config = new Properties();
        config.putAll(connection.clientProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 9_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 8_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 8_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    }

    public static KafkaDeadLetters fromEnvironment() {
        KafkaConnection connection = new KafkaConnection(Environment.required("KAFKA_BOOTSTRAP_SERVERS"),
                KafkaConnection.Authentication.parse(Environment.required("KAFKA_AUTH"), "KAFKA_AUTH"));
        return new KafkaDeadLetters(connection,
                Environment.optional("DEAD_LETTER_TOPIC").orElse("catalog.dead-letter"),
                new DeadLetterMetric(Environment.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("projection"), System.out));
    }

    @Override
    public synchronized List<OutboxRecord> send(String projection, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return List.of();
        }
        if (producer == null) {
            producer = new KafkaProducer<>(config);
        }
        List<Future<?>> sent = new ArrayList<>();
        for (DeadLetter letter : letters) {
            OutboxRecord record = letter.record();
            RecordHeaders headers = new RecordHeaders();
            record.headers().forEach((name, value) -> headers.add(name, value == null ? null : bytes(value)));
            headers.add("dead-letter.projection", bytes(projection));
            headers.add("dead-letter.reason", bytes(letter.reason()));
            headers.add("dead-letter.source", bytes(record.topicPartition() + "@" + record.offset()));
            headers.add("dead-letter.at", bytes(Instant.now().toString()));
            sent.add(producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)));
            log.warn("dead letter from {}: {} ({})", record, letter.reason(), projection);
        }
        List<OutboxRecord> failed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.error("could not send {} to {}", letters.get(i).record(), topic, e);
                failed.add(letters.get(i).record());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(letters.get(i).record());
            }
        }
        metric.record(letters.size() - failed.size(), Instant.now());
        return failed;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
