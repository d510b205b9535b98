package dev.catalog.projection.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.platform.events.EncodedEvent;
import dev.catalog.platform.events.EventCodec;
import dev.catalog.platform.events.EventSchemas;
import dev.catalog.platform.events.Upcaster;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.projection.deadletter.DeadLetters;
import dev.catalog.search.testing.TestCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One Kafka batch through {@link ProjectionBatch}: what is applied, what is dead-lettered, and where the event source
 * is told to resume. A projection and a dead-letter topic of the test's own record what they are given.
 */
class ProjectionBatchTest {

    private static final String P0 = "catalog.events-0";
    private static final String P1 = "catalog.events-1";

    private final TestCatalog catalog = new TestCatalog("acme");
    private final Recording projection = new Recording();
    private final List<DeadLetters.DeadLetter> deadLetters = new ArrayList<>();
    private final ProjectionBatch batch = new ProjectionBatch(projection, (name, letters) -> {
        deadLetters.addAll(letters);
        return List.of();
    });
    private long sequence;

    @Test
    void an_event_of_a_newer_schema_version_waits_with_its_partition_and_is_never_dead_lettered() {
        DomainEvent before = catalog.product("A-1", "Before").create();
        DomainEvent newer = catalog.product("A-2", "Newer").create();
        DomainEvent after = catalog.product("A-3", "After").create();
        DomainEvent elsewhere = catalog.product("B-1", "Elsewhere").create();

        KafkaBatchResponse response = batch.handle(kafka(
                record(P0, 10, before, null), record(P0, 11, newer, 3), record(P0, 12, after, null),
                record(P1, 5, elsewhere, null), poison(P1, 6)));

        assertThat(projection.applied).extracting(event -> event.event().aggregateId())
                .containsExactly(before.aggregateId(), elsewhere.aggregateId());
        assertThat(response.batchItemFailures()).extracting(failure -> failure.itemIdentifier())
                .containsExactly(new KafkaBatchResponse.ItemIdentifier(P0, 11));
        assertThat(deadLetters).extracting(letter -> letter.record().offset()).containsExactly(6L);
        // The waiting partition's progress stops before the event that waits.
        assertThat(projection.progress.get(P0).lastSequence()).isEqualTo(1);
    }

    @Test
    void the_release_that_knows_the_version_applies_the_very_same_records_it_waited_at_in_order() {
        DomainEvent newer = catalog.product("A-2", "Newer").create();
        DomainEvent after = catalog.product("A-3", "After").create();
        KafkaEvent retried = kafka(record(P0, 11, newer, 3), record(P0, 12, after, null));
        assertThat(batch.handle(retried).batchItemFailures()).hasSize(1);
        assertThat(projection.applied).isEmpty();

        // The next release: one more step for the product events (version 3 kept the shape, say).
        EventSchemas next = EventSchemas.CURRENT.and(new Upcaster(2, Set.of("ProductCreated"), payload -> { }));
        KafkaBatchResponse response = new ProjectionBatch(projection, (name, letters) -> {
            deadLetters.addAll(letters);
            return List.of();
        }, next).handle(retried);

        assertThat(response.batchItemFailures()).isEmpty();
        assertThat(projection.applied).extracting(event -> event.event().aggregateId())
                .containsExactly(newer.aggregateId(), after.aggregateId());
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void without_a_newer_event_the_batch_succeeds_whole_and_poison_is_dead_lettered() {
        DomainEvent event = catalog.product("A-1", "Before").create();

        KafkaBatchResponse response = batch.handle(kafka(record(P0, 1, event, null), poison(P0, 2)));

        assertThat(response.batchItemFailures()).isEmpty();
        assertThat(projection.applied).hasSize(1);
        assertThat(deadLetters).hasSize(1);
    }

    /** @param schemaVersion the version the envelope claims; null for the one the codec wrote */
    private KafkaRecord record(String partition, long offset, DomainEvent event, Integer schemaVersion) {
        EncodedEvent encoded = EventCodec.encode(event);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("event_id", quoted(UUID.randomUUID().toString()));
        headers.put("event_type", quoted(encoded.eventType()));
        headers.put("schema_version", Integer.toString(schemaVersion == null ? encoded.schemaVersion() : schemaVersion));
        headers.put("sequence", Long.toString(++sequence));
        headers.put("tenant_id", quoted(event.tenant().value()));
        headers.put("aggregate_type", quoted(event.aggregateType().wireName()));
        headers.put("aggregate_id", quoted(event.aggregateId()));
        headers.put("aggregate_version", Long.toString(event.aggregateVersion()));
        headers.put("occurred_at", quoted(Instant.parse("2026-03-01T10:00:00Z").toString()));
        return new KafkaRecord(partition, offset, headers, encoded.payload());
    }

    private KafkaRecord poison(String partition, long offset) {
        return new KafkaRecord(partition, offset, Map.of("aggregate_type", quoted("product")), "{}");
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private record KafkaRecord(String partition, long offset, Map<String, String> headers, String value) {
    }

    private static KafkaEvent kafka(KafkaRecord... records) {
        Map<String, List<KafkaEvent.KafkaEventRecord>> byPartition = new LinkedHashMap<>();
        for (KafkaRecord record : records) {
            List<Map<String, byte[]>> headers = new ArrayList<>();
            record.headers().forEach((name, value) -> headers.add(Map.of(name, value.getBytes(StandardCharsets.UTF_8))));
            int partition = Integer.parseInt(record.partition().substring(record.partition().lastIndexOf('-') + 1));
            byPartition.computeIfAbsent(record.partition(), name -> new ArrayList<>()).add(KafkaEvent.KafkaEventRecord.builder()
                    .withTopic("catalog.events").withPartition(partition).withOffset(record.offset())
                    .withHeaders(headers)
                    .withValue(Base64.getEncoder().encodeToString(record.value().getBytes(StandardCharsets.UTF_8)))
                    .build());
        }
        return KafkaEvent.builder().withRecords(byPartition).withEventSource("aws:kafka").build();
    }

    /** A projection that applies everything and remembers it. */
    private static final class Recording implements Projection {
        final List<LoggedEvent> applied = new ArrayList<>();
        final Map<String, PartitionProgress> progress = new LinkedHashMap<>();

        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<Refused> apply(List<LoggedEvent> events, Collection<PartitionProgress> progress) {
            applied.addAll(events);
            progress.forEach(partition -> this.progress.put(partition.topicPartition(), partition));
            return List.of();
        }
    }
}
