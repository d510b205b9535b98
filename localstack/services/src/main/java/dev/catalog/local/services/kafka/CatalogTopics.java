package dev.catalog.local.services.kafka;

import java.util.List;

/** The topics the outbox router publishes to: {@code catalog.<aggregate_type>}, one per aggregate type. */
public final class CatalogTopics {

    /**
     * Three partitions each: events are keyed {@code <tenant>:<aggregate id>}, so one aggregate's events keep
     * their order in one partition while a projection can still consume three partitions in parallel.
     */
    public static final List<TopicSpec> EVENTS = List.of(
            new TopicSpec("catalog.product", 3),
            new TopicSpec("catalog.category", 3),
            new TopicSpec("catalog.inventory", 3),
            // Debezium's heartbeats appended to the outbox (see debezium-server/application.properties): one key, one partition.
            new TopicSpec("catalog.heartbeat", 1),
            // Records the projections could not decode or apply, with the reason in their headers.
            new TopicSpec("catalog.dead-letter", 1));

    private CatalogTopics() {
    }
}
