package dev.catalog.infra.kafka;

import java.util.Objects;

/** A topic with the partition count it is created with. */
public record KafkaTopic(String name, int partitions) {

    public KafkaTopic {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, not " + partitions);
        }
    }
}
