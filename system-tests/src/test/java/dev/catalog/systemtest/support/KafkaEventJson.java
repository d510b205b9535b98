package dev.catalog.systemtest.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Kafka records as the MSK event source mapping hands them to a function: grouped by {@code <topic>-<partition>},
 * key and value base64-encoded, header values as arrays of signed bytes.
 */
public final class KafkaEventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaEventJson() {
    }

    public static String of(List<ConsumerRecord<String, String>> records) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventSource", "aws:kafka");
        event.put("eventSourceArn", "arn:aws:kafka:us-east-1:000000000000:cluster/catalog-local/00000000-0000-0000-0000-000000000000-1");
        event.put("bootstrapServers", "127.0.0.1:9092");
        Map<String, ArrayNode> partitions = new LinkedHashMap<>();
        ObjectNode byPartition = event.putObject("records");
        for (ConsumerRecord<String, String> record : records) {
            ArrayNode list = partitions.computeIfAbsent(record.topic() + "-" + record.partition(),
                    name -> byPartition.putArray(name));
            ObjectNode json = list.addObject();
            json.put("topic", record.topic());
            json.put("partition", record.partition());
            json.put("offset", record.offset());
            json.put("timestamp", record.timestamp());
            json.put("timestampType", record.timestampType().name());
            if (record.key() != null) {
                json.put("key", base64(record.key()));
            }
            json.put("value", record.value() == null ? null : base64(record.value()));
            ArrayNode headers = json.putArray("headers");
            for (Header header : record.headers()) {
                ArrayNode bytes = headers.addObject().putArray(header.key());
                if (header.value() != null) {
                    for (byte b : header.value()) {
                        bytes.add(b);
                    }
                }
            }
        }
        return event.toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
