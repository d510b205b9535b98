package dev.catalog.local.services.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.infra.kafka.KafkaTopic;
import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.services.TestStacks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

    private static KafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        long started = System.nanoTime();
        kafka = KafkaBroker.start(TestStacks.fresh("kafka"), FreePorts.next(), FreePorts.next());
        System.out.printf("kafka: formatted and ready in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Test
    void creates_topics_with_the_requested_partitions() throws Exception {
        List<KafkaTopic> topics = new ArrayList<>(CatalogTopics.all());
        topics.add(new KafkaTopic("single", 1));

        kafka.ensureTopics(topics);
        kafka.ensureTopics(topics);  // a second start finds them all there

        try (Admin admin = admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(topics.stream().map(KafkaTopic::name).toList())
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            for (KafkaTopic topic : topics) {
                assertThat(described.get(topic.name()).partitions()).as(topic.name()).hasSize(topic.partitions());
            }
        }
    }

    @Test
    void delivers_what_it_is_sent() throws Exception {
        kafka.ensureTopics(List.of(new KafkaTopic("round-trip", 3)));
        try (KafkaProducer<String, String> producer = producer(Map.of())) {
            ProducerRecord<String, String> sent = new ProducerRecord<>("round-trip", "tenant-1:42", "{\"amount\": \"12.50\"}");
            sent.headers().add("event_type", "\"PriceChanged\"".getBytes(StandardCharsets.UTF_8));
            producer.send(sent).get(10, TimeUnit.SECONDS);
        }

        ConsumerRecord<String, String> received = consumeOne("round-trip");

        assertThat(received.key()).isEqualTo("tenant-1:42");
        assertThat(received.value()).isEqualTo("{\"amount\": \"12.50\"}");
        assertThat(new String(received.headers().lastHeader("event_type").value(), StandardCharsets.UTF_8))
                .isEqualTo("\"PriceChanged\"");
    }

    @Test
    void does_not_create_topics_on_first_use() {
        try (KafkaProducer<String, String> producer = producer(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("catalog.undeclared", "k", "v")).get())
                    .isInstanceOfAny(TimeoutException.class, ExecutionException.class)
                    .hasMessageContaining("not present in metadata");
        }
    }

    @Test
    void keeps_topics_and_records_across_restarts() throws Exception {
        StackLayout layout = TestStacks.fresh("kafka-restart");
        int port = FreePorts.next();
        int controllerPort = FreePorts.next();
        try (KafkaBroker broker = KafkaBroker.start(layout, port, controllerPort)) {
            broker.ensureTopics(List.of(new KafkaTopic("kept", 1)));
            try (KafkaProducer<String, String> producer = producer(broker, Map.of())) {
                producer.send(new ProducerRecord<>("kept", "key", "before restart")).get(10, TimeUnit.SECONDS);
            }
        }

        long started = System.nanoTime();
        try (KafkaBroker broker = KafkaBroker.start(layout, port, controllerPort)) {
            System.out.printf("kafka: restarted on existing data in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            assertThat(consumeOne(broker, "kept").value()).isEqualTo("before restart");
        }
    }

    private static ConsumerRecord<String, String> consumeOne(String topic) {
        return consumeOne(kafka, topic);
    }

    private static ConsumerRecord<String, String> consumeOne(KafkaBroker broker, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    return record;
                }
            }
            throw new AssertionError("nothing arrived on " + topic + " within 30 s");
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        return producer(kafka, overrides);
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker, Map<String, Object> overrides) {
        Map<String, Object> config = new java.util.HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }
}
