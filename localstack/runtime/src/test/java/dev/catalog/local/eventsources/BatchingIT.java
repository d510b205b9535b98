package dev.catalog.local.eventsources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.eventsources.RecordingInvoker.Delivered;
import dev.catalog.local.eventsources.RecordingInvoker.Invocation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batches as Lambda gathers them: BatchSize, the batching window, the payload limit, each partition in order. */
class BatchingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaFunctions kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaFunctions.start("batching");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void hands_the_function_at_most_batch_size_records() {
        IntStream.range(0, 25).forEach(i -> kafka.send("es.batch-size", "k", "record-" + i));

        try (EventSourceMappings mappings = kafka.run("BatchSizeFunction")) {
            awaitCommitted(mappings, 25);
        }

        List<Integer> sizes = kafka.invocations().of("BatchSizeFunction").stream()
                .map(invocation -> invocation.records().size()).toList();
        assertThat(sizes).containsExactly(10, 10, 5);
    }

    @Test
    void sends_a_smaller_batch_when_the_window_ends() {
        try (EventSourceMappings mappings = kafka.run("WindowFunction")) {
            awaitPositioned(mappings);
            IntStream.range(0, 3).forEach(i -> kafka.send("es.window", "k", "record-" + i));
            awaitCommitted(mappings, 3);
        }

        // One batch of three, smaller than BatchSize, handed over once the window had run: never before it ends, however
        // busy the machine (a busy machine only makes it later).
        List<Invocation> invocations = kafka.invocations().of("WindowFunction");
        assertThat(invocations).hasSize(1);
        assertThat(invocations.getFirst().records()).extracting(Delivered::value).containsExactly("record-0", "record-1", "record-2");
        assertThat(waited(invocations.getFirst())).isGreaterThanOrEqualTo(950L);
    }

    @Test
    void keeps_each_partition_in_order_across_many_batches() {
        int keys = 30;
        int perKey = 10;
        for (int sequence = 0; sequence < perKey; sequence++) {
            for (int key = 0; key < keys; key++) {
                kafka.send("es.order", "key-" + key, "key-" + key + ":" + sequence);
            }
        }

        try (EventSourceMappings mappings = kafka.run("OrderFunction")) {
            awaitCommitted(mappings, keys * perKey);
        }

        List<Invocation> invocations = kafka.invocations().of("OrderFunction");
        assertThat(invocations).allSatisfy(invocation -> assertThat(invocation.records()).hasSizeLessThanOrEqualTo(7));
        Map<String, List<Long>> offsets = new LinkedHashMap<>();
        Map<String, List<Integer>> sequences = new LinkedHashMap<>();
        for (Delivered record : kafka.invocations().deliveredTo("OrderFunction")) {
            offsets.computeIfAbsent(record.partition(), partition -> new ArrayList<>()).add(record.offset());
            String[] keyAndSequence = record.value().split(":");
            sequences.computeIfAbsent(keyAndSequence[0], key -> new ArrayList<>()).add(Integer.parseInt(keyAndSequence[1]));
        }
        assertThat(offsets).hasSize(3);
        offsets.values().forEach(partition -> assertThat(partition)
                .as("each offset once, in order").isEqualTo(LongStream.range(0, partition.size()).boxed().toList()));
        assertThat(sequences).hasSize(keys);
        sequences.values().forEach(key -> assertThat(key).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(perKey));
        System.out.printf("order: %d records in %d invocations, %d of them with more than one partition%n",
                keys * perKey, invocations.size(),
                invocations.stream().filter(invocation -> invocation.event().path("records").size() > 1).count());
    }

    @Test
    void starts_a_new_batch_before_the_payload_limit_and_gives_up_a_record_that_exceeds_it() throws IOException {
        int limit = 4_096;
        String kilobyte = "x".repeat(1_000);
        IntStream.range(0, 6).forEach(i -> kafka.send("es.payload", "k", kilobyte));
        kafka.send("es.payload", "big", "y".repeat(5_000));
        kafka.send("es.payload", "k", "after the big one");

        try (EventSourceMappings mappings = kafka.run("PayloadFunction", kafka.settings().withPayloadLimit(limit))) {
            awaitCommitted(mappings, 8);
        }

        List<Invocation> invocations = kafka.invocations().of("PayloadFunction");
        assertThat(invocations).allSatisfy(invocation -> assertThat(invocation.eventBytes()).isLessThanOrEqualTo(limit));
        assertThat(invocations.stream().mapToInt(invocation -> invocation.records().size()).sum()).isEqualTo(7);
        assertThat(invocations.getFirst().records()).hasSize(2);  // a third 1.4 KB record would pass 4 KB
        ConsumerRecord<String, String> failed = kafka.read("es.payload-failures", 1).getFirst();
        JsonNode failure = JSON.readTree(failed.value());
        assertThat(failed.key()).isEqualTo("big");
        assertThat(failure.path("requestContext").path("condition").asText()).isEqualTo("MaximumPayloadSizeExceeded");
        assertThat(failure.path("requestContext").path("approximateInvokeCount").asInt()).isZero();
        assertThat(failure.path("responseContext").isNull()).isTrue();
        assertThat(failure.path("KafkaBatchInfo").path("recordInfo").path("offset").asText()).isEqualTo("6");
    }

    /**
     * Lambda's default window (500 ms) holds a lone record back; {@code MaximumBatchingWindowInSeconds: 0} hands it over
     * at once. Checked by order, not by a bound that a busy machine could break: the record written second, to the
     * mapping without a window, is handed over first.
     */
    @Test
    void a_lone_record_waits_for_the_default_window_and_not_without_one() {
        try (EventSourceMappings mappings = EventSourceMappings.start(
                List.of(kafka.mapping("DefaultWindowFunction"), kafka.mapping("NoWindowFunction")), kafka.invocations(), kafka.settings())) {
            awaitPositioned(mappings);
            kafka.send("es.default-window", "k", "held");
            kafka.send("es.no-window", "k", "handed over at once");
            await().atMost(Duration.ofSeconds(30)).until(() -> kafka.invocations().of("DefaultWindowFunction").size() == 1
                    && kafka.invocations().of("NoWindowFunction").size() == 1);
        }

        Invocation held = kafka.invocations().of("DefaultWindowFunction").getFirst();
        Invocation immediate = kafka.invocations().of("NoWindowFunction").getFirst();
        assertThat(waited(held)).as("the default window ran before the hand-over").isGreaterThanOrEqualTo(450L);
        assertThat(immediate.started()).as("written later, handed over earlier").isBefore(held.started());
    }

    /** From the batch's first record's CreateTime to the invocation, in ms. */
    private static long waited(Invocation invocation) {
        return invocation.started().toEpochMilli() - invocation.records().getFirst().timestamp();
    }

    static void awaitPositioned(EventSourceMappings mappings) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mappings.status().stream().flatMap(mapping -> mapping.lag().stream())
                .allMatch(partition -> partition.committedOffset().isPresent()));
    }

    static void awaitCommitted(EventSourceMappings mappings, long records) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<MappingStatus.PartitionLag> lag = mappings.status().getFirst().lag();
            return lag.stream().mapToLong(partition -> partition.committedOffset().orElse(0)).sum() >= records
                    && lag.stream().allMatch(partition -> partition.lag() == 0);
        });
    }
}
