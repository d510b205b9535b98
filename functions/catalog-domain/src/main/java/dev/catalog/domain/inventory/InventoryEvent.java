package dev.catalog.domain.inventory;

import dev.catalog.domain.shared.AggregateType;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;

/**
 * What happened to a product's stock. Each event carries the stock of every warehouse after the event. The
 * inventory's id is its product's id: a product has one inventory, versioned on its own.
 */
public sealed interface InventoryEvent extends DomainEvent permits StockLevelChanged {

    InventoryState inventory();

    @Override
    default TenantId tenant() {
        return inventory().tenant();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.INVENTORY;
    }

    @Override
    default String aggregateId() {
        return inventory().productId().toString();
    }

    @Override
    default long aggregateVersion() {
        return inventory().version();
    }

    @Override
    default Instant occurredAt() {
        return inventory().updatedAt();
    }
}
