package dev.catalog.local.eventsources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Records handed to the function in one invocation: one or more partitions, each partition's records in offset
 * order. Every part of a batch (a half, the records after a failure) keeps that order.
 */
record Batch(List<ConsumerRecord<byte[], byte[]>> records) {

    Batch {
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one record");
        }
    }

    int size() {
        return records.size();
    }

    Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition() {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
        records.forEach(record -> byPartition.computeIfAbsent(partition(record), key -> new ArrayList<>()).add(record));
        return byPartition;
    }

    boolean contains(TopicPartition partition, long offset) {
        return records.stream().anyMatch(record -> record.offset() == offset && partition(record).equals(partition));
    }

    /** The records that match, in order; empty when none does. */
    List<ConsumerRecord<byte[], byte[]>> select(Predicate<ConsumerRecord<byte[], byte[]>> filter) {
        return records.stream().filter(filter).toList();
    }

    /** Bisection: the first half, then the second; a partition's records split between them keep their order. */
    List<Batch> halves() {
        int middle = records.size() / 2;
        return List.of(new Batch(records.subList(0, middle)), new Batch(records.subList(middle, records.size())));
    }

    /** {@code topic-partition:first..last} per partition, for logs. */
    String describe() {
        List<String> ranges = new ArrayList<>();
        byPartition().forEach((partition, records) -> ranges.add(partition + ":" + records.getFirst().offset()
                + (records.size() > 1 ? ".." + records.getLast().offset() : "")));
        return String.join(",", ranges);
    }

    static TopicPartition partition(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }
}
