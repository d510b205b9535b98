package dev.catalog.domain.product;

import dev.catalog.domain.shared.AggregateType;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;

/** What happened to a product. Each event carries the product as it is after the event. */
public sealed interface ProductEvent extends DomainEvent
        permits ProductCreated, ProductDetailsChanged, ProductPriceChanged, ProductActivated, ProductDiscontinued, ProductDeleted {

    /** The product after this event; for {@link ProductDeleted}, the last state it had. */
    ProductState product();

    @Override
    default TenantId tenant() {
        return product().tenant();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.PRODUCT;
    }

    @Override
    default String aggregateId() {
        return product().id().toString();
    }

    @Override
    default long aggregateVersion() {
        return product().version();
    }

    @Override
    default Instant occurredAt() {
        return product().updatedAt();
    }
}
