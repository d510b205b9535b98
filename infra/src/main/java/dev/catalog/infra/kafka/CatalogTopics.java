package dev.catalog.infra.kafka;

import java.util.List;
import java.util.Map;

/**
 * The catalog's Kafka topics, in one place: the setup step creates them on MSK (which creates none by itself), the
 * local stack on its broker. template.yaml's event sources and debezium-server/application.properties name
 * {@link #EVENTS} too; infra-tests checks that they name what is created here.
 */
public final class CatalogTopics {

    /**
     * Every domain event of every aggregate type (the outbox router sends every outbox row here) and the
     * heartbeats Debezium appends to the outbox. One topic, because a Lambda event source mapping reads exactly one
     * topic: one mapping per projection reads everything. Keyed {@code <tenant>:<aggregate id>}, so one aggregate's
     * events keep their order in one partition.
     */
    public static final String EVENTS = "catalog.events";
    /**
     * Records the projections could not decode or apply, with the reason in their headers. The event source
     * mappings have no on-failure destination: they retry a failed batch until the store is back.
     */
    public static final String DEAD_LETTER = "catalog.dead-letter";
    /** Debezium's own heartbeat records ({@code __debezium-heartbeat.<topic.prefix>}), which nothing consumes. */
    public static final String DEBEZIUM_HEARTBEAT = "__debezium-heartbeat.catalog";

    /**
     * How many partitions the event topic has: how many batches of one projection can run at once (a mapping
     * invokes at most one function per partition). Fixed once created: adding partitions would move keys and
     * break each aggregate's order.
     */
    public static final int EVENT_PARTITIONS = 6;

    private CatalogTopics() {
    }

    public static List<KafkaTopic> all() {
        return List.of(
                new KafkaTopic(EVENTS, EVENT_PARTITIONS),
                // Kept until someone handles them, not the broker's 7 days: a dead letter is an event a read model
                // lacks. Removing handled ones is an explicit act (kafka-delete-records), after a replay or a rebuild.
                new KafkaTopic(DEAD_LETTER, 1, Map.of("retention.ms", "-1", "retention.bytes", "-1")),
                new KafkaTopic(DEBEZIUM_HEARTBEAT, 1));
    }
}
