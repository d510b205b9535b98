package dev.catalog.setup.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void lists_an_event_topic_per_aggregate_type_and_the_pipelines_own_topics() {
        assertThat(Topic.catalog()).containsExactlyInAnyOrder(
                new Topic("catalog.product", 3),
                new Topic("catalog.category", 3),
                new Topic("catalog.inventory", 3),
                new Topic("catalog.heartbeat", 1),
                new Topic("__debezium-heartbeat.catalog", 1),
                new Topic("catalog.dead-letter", 1));
    }
}
