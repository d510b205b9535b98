package dev.catalog.local.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their current end, on its own thread, handing every record to {@code onRecord} as soon as it is
 * fetched: it sees what Debezium publishes from the moment it starts, without a consumer group.
 */
final class KafkaWatcher implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    KafkaWatcher(String bootstrapServers, List<String> topics, Consumer<ConsumerRecord<String, String>> onRecord) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Answer a fetch as soon as one record is there: the arrival time is what is measured.
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolves the end offsets now, so that nothing published after the constructor returns is missed.
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().name("kafka-watcher").daemon().start(() -> {
            try {
                while (running) {
                    consumer.poll(Duration.ofMillis(100)).forEach(onRecord);
                }
            } catch (WakeupException stopping) {
                // close() woke the poll
            } finally {
                consumer.close();
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
