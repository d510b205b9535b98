package dev.catalog.domain.shared;

import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.product.ProductEvent;
import java.time.Instant;

/**
 * A fact recorded by an aggregate. Every event is "fat": it carries the whole state of its aggregate after the
 * change (plus what changed), so a read model can apply any event on its own, in any order across aggregates.
 * Sealed: a switch over events names every family and every event, so a new event type breaks the compile of
 * each place that must handle it instead of failing at run time.
 */
public sealed interface DomainEvent permits ProductEvent, CategoryEvent, InventoryEvent {

    TenantId tenant();

    AggregateType aggregateType();

    /** The aggregate's id as it appears in the log and in the Kafka key. */
    String aggregateId();

    /** The aggregate's version after this event; the first event of an aggregate has version 1. */
    long aggregateVersion();

    Instant occurredAt();
}
