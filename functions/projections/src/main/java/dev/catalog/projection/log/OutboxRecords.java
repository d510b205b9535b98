package dev.catalog.projection.log;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The records of a {@link KafkaEvent}, in log order within each partition. */
public final class OutboxRecords {

    private OutboxRecords() {
    }

    public static List<OutboxRecord> of(KafkaEvent event) {
        List<OutboxRecord> records = new ArrayList<>();
        if (event == null || event.getRecords() == null) {
            return records;
        }
        event.getRecords().forEach((topicPartition, partitionRecords) -> partitionRecords.stream()
                .sorted(Comparator.comparingLong(KafkaEvent.KafkaEventRecord::getOffset))
                .map(record -> toRecord(topicPartition, record))
                .forEach(records::add));
        return records;
    }

    private static OutboxRecord toRecord(String topicPartition, KafkaEvent.KafkaEventRecord record) {
        Map<String, String> headers = new HashMap<>();
        if (record.getHeaders() != null) {
            for (Map<String, byte[]> header : record.getHeaders()) {
                header.forEach((name, value) -> headers.put(name, value == null ? null : new String(value, StandardCharsets.UTF_8)));
            }
        }
        return new OutboxRecord(topicPartition, record.getTopic(), record.getPartition(), record.getOffset(),
                decode(record.getKey()), headers, decode(record.getValue()));
    }

    private static String decode(String base64) {
        if (base64 == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            // Left for the decoder to refuse with a reason, rather than failing the whole batch here.
            return "\u0000not base64: " + base64;
        }
    }
}
