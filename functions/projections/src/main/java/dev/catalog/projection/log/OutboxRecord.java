package dev.catalog.projection.log;

import java.util.Map;
import java.util.Objects;

/**
 * One Kafka record of the outbox stream as the event source mapping delivered it, decoded from base64 but not yet
 * interpreted.
 *
 * @param topicPartition {@code <topic>-<partition>}, how the event source mapping names the partition
 * @param headers        header values as UTF-8 text (Debezium writes them as JSON: strings quoted, numbers bare)
 * @param key            the record key, {@code <tenant>:<aggregate id>}; null when absent
 * @param value          the payload text; null when absent
 */
public record OutboxRecord(String topicPartition, String topic, int partition, long offset, String key,
                           Map<String, String> headers, String value) {

    public OutboxRecord {
        Objects.requireNonNull(topicPartition, "topicPartition");
        Objects.requireNonNull(topic, "topic");
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return topicPartition + "@" + offset;
    }
}
