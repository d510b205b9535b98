package dev.catalog.local.services.kafka;

import java.util.Objects;

/** A topic the stack needs, with the partition count it is created with. */
public record TopicSpec(String name, int partitions) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition, not " + partitions);
        }
    }
}
