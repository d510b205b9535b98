package dev.catalog.systemtest.support;

import dev.catalog.infra.kafka.CatalogTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads and writes the stack's Kafka topics directly: what Debezium published, what landed in the dead-letter topic. */
public final class OutboxTopics {

    private final String bootstrapServers;

    OutboxTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Reads {@code topics} from the beginning until {@code count} records matching {@code wanted} are seen. */
    public List<ConsumerRecord<String, String>> read(List<String> topics, Predicate<ConsumerRecord<String, String>> wanted,
                                                     int count, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(topics);
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (wanted.test(record)) {
                        found.add(record);
                    }
                });
            }
            if (found.size() < count) {
                throw new AssertionError("expected " + count + " records on " + topics + " within " + timeout + ", saw " + found.size());
            }
            return found;
        }
    }

    /** The outbox events of one tenant, as Debezium published them, in the order of each partition. */
    public List<ConsumerRecord<String, String>> eventsOf(String tenant, int count) {
        return read(List.of(CatalogTopics.EVENTS),
                record -> record.key() != null && record.key().startsWith(tenant + ":"), count, Duration.ofSeconds(30));
    }

    /** Writes a record straight to a topic, as nothing but a bug or an attacker would. */
    public void publish(String topic, String key, String value, Map<String, String> headers) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            RecordHeaders recordHeaders = new RecordHeaders();
            headers.forEach((name, text) -> recordHeaders.add(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(topic, null, key, value, recordHeaders)).get();
        } catch (Exception e) {
            throw new AssertionError("cannot publish to " + topic, e);
        }
    }
}
