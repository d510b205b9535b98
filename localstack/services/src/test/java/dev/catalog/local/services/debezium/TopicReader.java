package dev.catalog.local.services.debezium;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads every partition of some topics without a consumer group, from the start or from now on. */
final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    private TopicReader(String bootstrapServers, Collection<String> topics, boolean fromStart) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);  // fixes the position now, not at the first poll
        }
    }

    static TopicReader fromStart(String bootstrapServers, Collection<String> topics) {
        return new TopicReader(bootstrapServers, topics, true);
    }

    static TopicReader fromNow(String bootstrapServers, Collection<String> topics) {
        return new TopicReader(bootstrapServers, topics, false);
    }

    /** Polls once, briefly. */
    List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        consumer.poll(timeout).forEach(records::add);
        return records;
    }

    /** Reads until {@code count} records matching {@code wanted} arrived; fails after {@code timeout}. */
    List<ConsumerRecord<String, String>> await(Predicate<ConsumerRecord<String, String>> wanted, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + matching.size() + " of " + count + " records arrived within "
                        + timeout.toSeconds() + " s");
            }
            poll(Duration.ofMillis(100)).stream().filter(wanted).forEach(matching::add);
        }
        return matching;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
