package dev.catalog.local.eventsources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;

/**
 * Writes the event an MSK event source mapping hands a function (with-msk.html, the {@code KafkaEvent} of
 * aws-lambda-java-events):
 * <pre>{@code
 * {"eventSource":"aws:kafka","eventSourceArn":"<cluster>","bootstrapServers":"<host:port,...>",
 *  "records":{"<topic>-<partition>":[{"topic":..,"partition":..,"offset":..,"timestamp":<epoch ms>,
 *      "timestampType":"CREATE_TIME","key":"<base64>","value":"<base64>","headers":[{"<name>":[<signed bytes>]}]}]}}
 * }</pre>
 * Records of a partition stay in offset order under one key; partitions appear in the order of their first record.
 * A null key is left out, as in AWS's samples; so is a null value (a tombstone), which AWS does not document.
 * Headers are always there, an empty list when the record has none (as in the on-failure destination's sample).
 */
public final class KafkaEvents {

    static final String EVENT_SOURCE = "aws:kafka";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code "<topic>-<partition>":[]} plus the comma before it, beside the key's own characters. */
    private static final int PARTITION_ENTRY_OVERHEAD = ":[],".length() + 2;

    private final String eventSourceArn;
    private final String bootstrapServers;
    private final int envelopeSize;

    public KafkaEvents(String eventSourceArn, String bootstrapServers) {
        this.eventSourceArn = eventSourceArn;
        this.bootstrapServers = bootstrapServers;
        this.envelopeSize = json(event(Map.of())).length;
    }

    /** The event of these records, as the mapping hands it to the function. */
    public byte[] write(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, List<EventRecord>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            byPartition.computeIfAbsent(partitionKey(record), key -> new ArrayList<>()).add(eventRecord(record));
        }
        return json(event(byPartition));
    }

    String eventSourceArn() {
        return eventSourceArn;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The size of an event with no records. */
    int envelopeSize() {
        return envelopeSize;
    }

    /** What a record adds to an event, its separating comma included. */
    int recordSize(ConsumerRecord<byte[], byte[]> record) {
        return json(eventRecord(record)).length + 1;
    }

    /** What a partition's first record adds to an event besides the record itself. */
    int partitionEntrySize(TopicPartition partition) {
        return partitionKey(partition.topic(), partition.partition()).length() + PARTITION_ENTRY_OVERHEAD;
    }

    static String partitionKey(ConsumerRecord<?, ?> record) {
        return partitionKey(record.topic(), record.partition());
    }

    static String partitionKey(String topic, int partition) {
        return topic + "-" + partition;
    }

    private Event event(Map<String, List<EventRecord>> records) {
        return new Event(EVENT_SOURCE, eventSourceArn, bootstrapServers, records);
    }

    private static EventRecord eventRecord(ConsumerRecord<byte[], byte[]> record) {
        List<Map<String, int[]>> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(Map.of(header.key(), signedBytes(header.value())));
        }
        return new EventRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.timestampType().name(), base64(record.key()), base64(record.value()), headers);
    }

    /** Lambda writes header values as JSON arrays of Java's signed bytes: "ë" is [-61,-85]. */
    private static int[] signedBytes(byte[] value) {
        if (value == null) {
            return new int[0];
        }
        int[] bytes = new int[value.length];
        for (int i = 0; i < value.length; i++) {
            bytes[i] = value[i];
        }
        return bytes;
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @JsonPropertyOrder({"eventSource", "eventSourceArn", "bootstrapServers", "records"})
    record Event(String eventSource, String eventSourceArn, String bootstrapServers,
                 Map<String, List<EventRecord>> records) {
    }

    @JsonPropertyOrder({"topic", "partition", "offset", "timestamp", "timestampType", "key", "value", "headers"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventRecord(String topic, int partition, long offset, long timestamp, String timestampType, String key,
                       String value, List<Map<String, int[]>> headers) {
    }
}
