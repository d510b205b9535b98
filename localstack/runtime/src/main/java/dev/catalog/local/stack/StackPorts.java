package dev.catalog.local.stack;

import dev.catalog.local.process.FreePorts;

/**
 * The loopback ports of one local stack. The local runtime uses fixed, documented ports; test runs take free
 * ones, so they never collide with a stack a developer is running.
 */
public record StackPorts(int api, int aws, int postgres, int kafka, int kafkaController, int debezium,
                         int openSearch, int openSearchTransport, int console) {

    public static StackPorts defaults() {
        return new StackPorts(3000, 4566, 54320, 19092, 19093, 18080, 19200, 19300, 3001);
    }

    public static StackPorts free() {
        return new StackPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
    }
}
