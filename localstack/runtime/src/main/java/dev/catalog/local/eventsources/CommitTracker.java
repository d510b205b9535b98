package dev.catalog.local.eventsources;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which records of an in-flight batch are done (processed, or given up), and so how far each partition may be
 * committed: up to its first record not done yet. Records can be done out of order (an aged record is given up
 * before the older ones are retried); a partition's committed offset never passes a record that is not done.
 */
final class CommitTracker {

    private final Map<TopicPartition, TreeSet<Long>> notDone = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> end = new HashMap<>();
    private final Map<TopicPartition, Long> committable = new HashMap<>();

    CommitTracker(Batch batch) {
        batch.byPartition().forEach((partition, records) -> {
            TreeSet<Long> offsets = new TreeSet<>();
            records.forEach(record -> offsets.add(record.offset()));
            notDone.put(partition, offsets);
            end.put(partition, records.getLast().offset() + 1);
            committable.put(partition, records.getFirst().offset());
        });
    }

    void done(Collection<ConsumerRecord<byte[], byte[]>> records) {
        records.forEach(record -> notDone.get(Batch.partition(record)).remove(record.offset()));
    }

    /** Partitions whose committable offset moved since the last call, with that offset. */
    Map<TopicPartition, OffsetAndMetadata> advanced() {
        Map<TopicPartition, OffsetAndMetadata> advanced = new HashMap<>();
        notDone.forEach((partition, offsets) -> {
            long position = offsets.isEmpty() ? end.get(partition) : offsets.first();
            if (position > committable.get(partition)) {
                committable.put(partition, position);
                advanced.put(partition, new OffsetAndMetadata(position));
            }
        });
        return advanced;
    }

    boolean covers(Collection<TopicPartition> partitions) {
        return partitions.stream().anyMatch(notDone::containsKey);
    }
}
