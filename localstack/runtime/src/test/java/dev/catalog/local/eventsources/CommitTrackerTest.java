package dev.catalog.local.eventsources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommitTrackerTest {

    private static final ConsumerRecord<byte[], byte[]> A10 = record(0, 10);
    private static final ConsumerRecord<byte[], byte[]> A11 = record(0, 11);
    private static final ConsumerRecord<byte[], byte[]> A12 = record(0, 12);
    private static final ConsumerRecord<byte[], byte[]> B3 = record(1, 3);

    @Test
    void commits_a_partition_up_to_its_first_record_not_done() {
        CommitTracker tracker = new CommitTracker(new Batch(List.of(A10, B3, A11, A12)));

        tracker.done(List.of(A12));
        assertThat(tracker.advanced()).as("12 is done, 10 and 11 are not").isEmpty();

        tracker.done(List.of(A10, B3));
        assertThat(tracker.advanced()).isEqualTo(Map.of(
                new TopicPartition("t", 0), new OffsetAndMetadata(11), new TopicPartition("t", 1), new OffsetAndMetadata(4)));

        tracker.done(List.of(A11));
        assertThat(tracker.advanced()).isEqualTo(Map.of(new TopicPartition("t", 0), new OffsetAndMetadata(13)));
        assertThat(tracker.advanced()).as("nothing moved since").isEmpty();
    }

    private static ConsumerRecord<byte[], byte[]> record(int partition, long offset) {
        return new ConsumerRecord<>("t", partition, offset, null, new byte[0]);
    }
}
