package dev.catalog.local.services.kafka;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The topics the outbox router publishes to: {@code catalog.<aggregate_type>}, one per aggregate type. */
public final class CatalogTopics {

    public static final String HEARTBEAT = "catalog.heartbeat";
    public static final String DEAD_LETTER = "catalog.dead-letter";

    /**
     * Three partitions each: events are keyed {@code <tenant>:<aggregate id>}, so one aggregate's events keep
     * their order in one partition while a projection can still consume three partitions in parallel.
     */
    public static final List<TopicSpec> EVENTS = List.of(
            new TopicSpec("catalog.product", 3),
            new TopicSpec("catalog.category", 3),
            new TopicSpec("catalog.inventory", 3),
            // Debezium's heartbeats appended to the outbox (see debezium-server/application.properties): one key, one partition.
            new TopicSpec(HEARTBEAT, 1),
            // Records the projections could not decode or apply, with the reason in their headers.
            new TopicSpec(DEAD_LETTER, 1));

    private CatalogTopics() {
    }

    /** The topics of domain events, one per aggregate type: everything but heartbeats and dead letters. */
    public static Set<String> aggregateEvents() {
        return EVENTS.stream().map(TopicSpec::name).filter(name -> !name.equals(HEARTBEAT) && !name.equals(DEAD_LETTER))
                .collect(Collectors.toUnmodifiableSet());
    }
}
