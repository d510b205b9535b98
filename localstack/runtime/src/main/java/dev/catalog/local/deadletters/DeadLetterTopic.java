package dev.catalog.local.deadletters;

import dev.catalog.infra.kafka.CatalogTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The dead-letter topic ({@link CatalogTopics#DEAD_LETTER}) of a running stack: how many records it holds, and the
 * records themselves. Read without a consumer group, so looking at it moves nothing.
 */
public final class DeadLetterTopic {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final String bootstrapServers;

    public DeadLetterTopic(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The records on the topic (its end offsets less its start offsets); throws when Kafka does not answer in time. */
    public long count() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(CatalogTopics.DEAD_LETTER)).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(CatalogTopics.DEAD_LETTER).partitions().stream()
                    .map(partition -> new TopicPartition(CatalogTopics.DEAD_LETTER, partition.partition()))
                    .toList();
            return offsets(admin, partitions, OffsetSpec.latest()) - offsets(admin, partitions, OffsetSpec.earliest());
        }
    }

    /** Every record on the topic, oldest first. */
    public List<DeadLetter> read() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() * 2),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(CatalogTopics.DEAD_LETTER).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<DeadLetter> letters = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    letters.add(letter(record));
                }
            }
            return letters;
        }
    }

    private static DeadLetter letter(ConsumerRecord<String, byte[]> record) {
        List<Header> original = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DeadLetter.PREFIX)) {
                original.add(header);
            }
        }
        return new DeadLetter(record.offset(), text(record, "projection").orElse("?"), text(record, "reason").orElse("?"),
                text(record, "source").orElse("?"), text(record, "at").flatMap(DeadLetterTopic::instant), record.key(),
                record.value(), List.copyOf(original));
    }

    private static Optional<String> text(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(DeadLetter.PREFIX + name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    private static long offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec)))
                .all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }
}
