package dev.catalog.domain.category;

import dev.catalog.domain.shared.AggregateType;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;

/** What happened to a category. Each event carries the category as it is after the event. */
public sealed interface CategoryEvent extends DomainEvent permits CategoryCreated, CategoryRenamed, CategoryMoved {

    CategoryState category();

    @Override
    default TenantId tenant() {
        return category().tenant();
    }

    @Override
    default AggregateType aggregateType() {
        return AggregateType.CATEGORY;
    }

    @Override
    default String aggregateId() {
        return category().id().toString();
    }

    @Override
    default long aggregateVersion() {
        return category().version();
    }

    @Override
    default Instant occurredAt() {
        return category().updatedAt();
    }
}
