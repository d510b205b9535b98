package dev.catalog.local.console;

import dev.catalog.infra.kafka.CatalogTopics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records the dead-letter topic holds (its end offsets less its start offsets). The status carries the
 * failure topics' counts per event source mapping, not this one.
 */
final class DeadLetters {

    private static final int TIMEOUT_SECONDS = 3;

    private DeadLetters() {
    }

    /** The records on the dead-letter topic; throws when Kafka does not answer in time. */
    static long count(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000))) {
            Set<TopicPartition> partitions = admin.describeTopics(Set.of(CatalogTopics.DEAD_LETTER)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(CatalogTopics.DEAD_LETTER).partitions().stream()
                    .map(partition -> new TopicPartition(CatalogTopics.DEAD_LETTER, partition.partition()))
                    .collect(Collectors.toSet());
            long end = offsets(admin, partitions, OffsetSpec.latest());
            long start = offsets(admin, partitions, OffsetSpec.earliest());
            return end - start;
        }
    }

    private static long offsets(Admin admin, Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> spec)))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).values().stream()
                .mapToLong(info -> info.offset()).sum();
    }
}
