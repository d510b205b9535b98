package dev.catalog.local.eventsources;

import static dev.catalog.local.eventsources.BatchingIT.awaitCommitted;
import static dev.catalog.local.eventsources.BatchingIT.awaitPositioned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.catalog.local.eventsources.RecordingInvoker.Delivered;
import dev.catalog.local.eventsources.RecordingInvoker.Invocation;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Offsets move only past records the function processed; starting positions; restarts. */
class DeliveryIT {

    private static KafkaFunctions kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaFunctions.start("delivery");
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void skips_no_record_when_stopped_mid_stream_and_started_again() {
        int records = 300;
        IntStream.range(0, records).forEach(i -> kafka.send("es.restart", "key-" + (i % 17), i % 10 == 0 ? "slow" : "r" + i));

        try (EventSourceMappings first = kafka.run("RestartFunction")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> kafka.invocations().deliveredTo("RestartFunction").size() >= 100);
            assertThat(first.status().getFirst().state()).isEqualTo(MappingState.ENABLED);
        }
        int deliveredBeforeStop = kafka.invocations().deliveredTo("RestartFunction").size();
        try (EventSourceMappings second = kafka.run("RestartFunction")) {
            awaitCommitted(second, records);
            assertThat(second.status().getFirst().consumerGroup()).isEqualTo("es-restart");
        }

        List<Delivered> delivered = kafka.invocations().deliveredTo("RestartFunction");
        Set<String> distinct = new HashSet<>();
        delivered.forEach(record -> distinct.add(record.partition() + "@" + record.offset()));
        int duplicates = delivered.size() - distinct.size();
        System.out.printf("restart: %d records, %d delivered before the stop, %d deliveries in all, %d duplicates%n",
                records, deliveredBeforeStop, delivered.size(), duplicates);
        assertThat(distinct).hasSize(records);
        assertThat(deliveredBeforeStop).isBetween(100, records - 1);
        assertThat(duplicates).as("at most the batch in flight at the stop").isLessThanOrEqualTo(5);
    }

    @Test
    void commits_what_is_done_once_per_commit_interval_and_all_of_it_when_it_stops() {
        int records = 10;
        try (EventSourceMappings mappings = kafka.run("CommitFunction", kafka.settings().withCommitInterval(Duration.ofHours(1)))) {
            awaitPositioned(mappings);
            for (int i = 0; i < records; i++) {
                kafka.send("es.commit", "k", "r" + i);
                int sent = i + 1;
                await().atMost(Duration.ofSeconds(30)).until(() -> kafka.invocations().deliveredTo("CommitFunction").size() == sent);
            }
            assertThat(kafka.invocations().of("CommitFunction")).as("one batch per record").hasSize(records);
            assertThat(mappings.status().getFirst().lag().getFirst().committedOffset()).as("only the first batch committed")
                    .hasValue(1);
        }
        try (EventSourceMappings again = kafka.run("CommitFunction")) {
            awaitCommitted(again, records);
        }
        assertThat(kafka.invocations().deliveredTo("CommitFunction")).as("the stop committed every batch: none again")
                .hasSize(records);
    }

    @Test
    void retries_a_failed_batch_and_commits_it_only_once_it_succeeds() {
        IntStream.range(0, 12).forEach(i -> kafka.send("es.flaky", "k", i == 7 ? "fail-once" : "r" + i));

        try (EventSourceMappings mappings = kafka.run("FlakyFunction")) {
            awaitCommitted(mappings, 12);
            MappingStatus status = mappings.status().getFirst();
            assertThat(status.retries()).isEqualTo(1);
            assertThat(status.recordsDiscarded()).isZero();
            assertThat(status.lastOutcome()).contains("OK");
        }

        List<Invocation> invocations = kafka.invocations().of("FlakyFunction");
        assertThat(invocations).extracting(invocation -> invocation.records().stream().map(Delivered::offset).toList())
                .containsExactly(List.of(0L, 1L, 2L, 3L, 4L), List.of(5L, 6L, 7L, 8L, 9L), List.of(5L, 6L, 7L, 8L, 9L),
                        List.of(10L, 11L));
        assertThat(invocations.get(2).started()).isAfterOrEqualTo(invocations.get(1).started().plusMillis(200));
    }

    @Test
    void abandons_an_invocation_that_outlasts_the_stop_timeout_and_commits_nothing_of_it() {
        kafka.send("es.stall", "k", "stall");

        EventSourceMappings first = kafka.run("StallFunction", kafka.settings().withStopTimeout(Duration.ofMillis(200)));
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.invocations().begun("StallFunction") == 1);
        first.close();
        assertThat(kafka.invocations().of("StallFunction")).as("close returned while the 3 s invocation still ran").isEmpty();
        assertThat(first.status().getFirst().state()).isEqualTo(MappingState.STOPPED);

        try (EventSourceMappings second = kafka.run("StallFunction")) {
            awaitCommitted(second, 1);
        }
        assertThat(kafka.invocations().begun("StallFunction")).as("the abandoned batch, then again").isEqualTo(2);
    }

    @Test
    void starts_a_new_group_at_latest_and_an_existing_group_at_its_committed_offset() {
        kafka.send("es.latest", "k", "before the mapping existed");

        try (EventSourceMappings mappings = kafka.run("LatestFunction")) {
            awaitPositioned(mappings);
            kafka.send("es.latest", "k", "while it runs");
            awaitCommitted(mappings, 2);
        }
        kafka.send("es.latest", "k", "while it was stopped");
        try (EventSourceMappings mappings = kafka.run("LatestFunction")) {
            awaitCommitted(mappings, 3);
        }

        assertThat(kafka.invocations().deliveredTo("LatestFunction")).extracting(Delivered::value)
                .containsExactly("while it runs", "while it was stopped");
    }

    @Test
    void names_a_group_for_a_mapping_without_consumer_group_id_that_is_the_same_on_every_start() {
        MappingDefinition mapping = kafka.mapping("LatestFunction");

        assertThat(mapping.consumerGroupId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isEqualTo(kafka.mapping("LatestFunction").consumerGroupId())
                .isNotEqualTo(kafka.mapping("FlakyFunction").consumerGroupId());
    }
}
