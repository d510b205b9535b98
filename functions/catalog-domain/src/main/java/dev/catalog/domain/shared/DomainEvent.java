package dev.catalog.domain.shared;

import java.time.Instant;

/**
 * A fact recorded by an aggregate. Every event is "fat": it carries the whole state of its aggregate after the
 * change (plus what changed), so a read model can apply any event on its own, in any order across aggregates.
 */
public interface DomainEvent {

    TenantId tenant();

    AggregateType aggregateType();

    /** The aggregate's id as it appears in the log and in the Kafka key. */
    String aggregateId();

    /** The aggregate's version after this event; the first event of an aggregate has version 1. */
    long aggregateVersion();

    Instant occurredAt();
}
