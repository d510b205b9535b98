package dev.catalog.setup.kafka;

import dev.catalog.domain.shared.AggregateType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A topic the catalog needs, which MSK does not create by itself. */
public record Topic(String name, int partitions) {

    public Topic {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition: " + name);
        }
    }

    /** Events of one aggregate type: keyed by aggregate, spread over partitions that keep each aggregate's order. */
    static final int EVENT_PARTITIONS = 3;

    /**
     * Every topic of the catalog, as the local stack creates them: one per aggregate type (the outbox router's
     * {@code catalog.<aggregate_type>}), the heartbeats Debezium appends to the outbox, Debezium's own heartbeat
     * topic and the projections' dead letters. The event source mappings have no failure destination: they retry
     * a failed batch until the store is back.
     */
    public static List<Topic> catalog() {
        List<Topic> topics = new ArrayList<>();
        for (AggregateType type : AggregateType.values()) {
            topics.add(new Topic("catalog." + type.wireName(), EVENT_PARTITIONS));
        }
        topics.add(new Topic("catalog.heartbeat", 1));
        topics.add(new Topic("__debezium-heartbeat.catalog", 1));
        topics.add(new Topic("catalog.dead-letter", 1));
        return List.copyOf(topics);
    }
}
