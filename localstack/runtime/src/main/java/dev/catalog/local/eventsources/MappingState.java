package dev.catalog.local.eventsources;

/** Where a mapping is. */
public enum MappingState {
    /** {@code Enabled: false} in the template: Lambda does not poll it. */
    DISABLED,
    /** Joining its consumer group. */
    STARTING,
    /** Polling and invoking. */
    ENABLED,
    /** A failed batch is being retried: its partitions wait. */
    RETRYING,
    /** Stopped by the runtime, or after an unrecoverable error (see {@link MappingStatus#lastError()}). */
    STOPPED
}
