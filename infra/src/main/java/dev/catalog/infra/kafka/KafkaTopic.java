package dev.catalog.infra.kafka;

import java.util.Map;
import java.util.Objects;

/**
 * A topic with the partition count it is created with, and the topic settings it has beside the broker's defaults
 * (set on an existing topic too).
 */
public record KafkaTopic(String name, int partitions, Map<String, String> config) {

    public KafkaTopic {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, not " + partitions);
        }
        config = Map.copyOf(config);
    }

    public KafkaTopic(String name, int partitions) {
        this(name, partitions, Map.of());
    }
}
