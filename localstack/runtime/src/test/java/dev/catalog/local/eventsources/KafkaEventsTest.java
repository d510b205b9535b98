package dev.catalog.local.eventsources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class KafkaEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record of AWS's sample event (with-msk.html), written by the local mapping, gives the sample itself. */
    @Test
    void writes_the_aws_sample_event_from_the_record_it_shows() throws IOException {
        JsonNode sample;
        try (InputStream in = KafkaEventsTest.class.getResourceAsStream("/eventsources/aws-msk-event.json")) {
            sample = JSON.readTree(in);
        }
        RecordHeaders headers = new RecordHeaders();
        headers.add("headerKey", "headerValue".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("mytopic", 0, 15, 1545084650987L,
                TimestampType.CREATE_TIME, 9, 15, "recordKey".getBytes(StandardCharsets.UTF_8),
                "{\"key\":\"value\"}".getBytes(StandardCharsets.UTF_8), headers, Optional.empty());

        byte[] event = new KafkaEvents(sample.path("eventSourceArn").asText(), sample.path("bootstrapServers").asText())
                .write(List.of(record));

        assertThat(JSON.readTree(event)).isEqualTo(sample);
    }

    @Test
    void groups_records_by_partition_in_the_order_they_come() throws IOException {
        KafkaEvents events = new KafkaEvents("arn", "127.0.0.1:9092");

        JsonNode event = JSON.readTree(events.write(List.of(record("a", 1, 4), record("b", 0, 9), record("a", 1, 5))));

        assertThat(event.path("records").fieldNames()).toIterable().containsExactly("a-1", "b-0");
        assertThat(event.path("records").path("a-1").findValuesAsText("offset")).containsExactly("4", "5");
    }

    /** The batch builder counts a record's bytes before the event is written; it may count a few commas more. */
    @Test
    void counts_every_byte_of_an_event_before_writing_it() {
        KafkaEvents events = new KafkaEvents("arn:aws:kafka:us-east-1:000000000000:cluster/local/1", "127.0.0.1:9092");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(record("catalog.events", i % 3, i / 3));
        }

        long counted = events.envelopeSize()
                + new Batch(records).byPartition().keySet().stream().mapToInt(events::partitionEntrySize).sum()
                + records.stream().mapToInt(events::recordSize).sum();

        int partitions = 3;
        assertThat(counted - events.write(records).length).isEqualTo(partitions + 1);
    }

    @Test
    void writes_a_header_without_value_as_an_empty_list() throws IOException {
        RecordHeaders headers = new RecordHeaders();
        headers.add("empty", null);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("t", 0, 0, 0L, TimestampType.LOG_APPEND_TIME,
                0, 0, null, null, headers, Optional.empty());

        JsonNode written = JSON.readTree(new KafkaEvents("arn", "b").write(List.of(record))).path("records").path("t-0").get(0);

        assertThat(written.has("key")).isFalse();
        assertThat(written.has("value")).isFalse();
        assertThat(written.path("timestampType").asText()).isEqualTo("LOG_APPEND_TIME");
        assertThat(written.path("headers").toString()).isEqualTo("[{\"empty\":[]}]");
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset) {
        return new ConsumerRecord<>(topic, partition, offset, ("key-" + offset).getBytes(StandardCharsets.UTF_8),
                ("{\"offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8));
    }
}
