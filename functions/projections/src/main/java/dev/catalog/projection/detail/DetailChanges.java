package dev.catalog.projection.detail;

import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.platform.events.LoggedEvent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch's events reduced to what the read model needs: for each product, category and inventory, only the newest
 * event of the batch. Events are fat, so the newest one alone carries the whole part; older ones would be overwritten
 * anyway. This is what makes one statement batch per part possible.
 */
final class DetailChanges {

    /** The newest event of one aggregate in the batch, with the sequence it was logged at. */
    record Latest<E>(E event, long sequence) {
    }

    private final Map<String, Latest<ProductEvent>> products = new LinkedHashMap<>();
    private final Map<String, Latest<CategoryEvent>> categories = new LinkedHashMap<>();
    private final Map<String, Latest<InventoryEvent>> inventories = new LinkedHashMap<>();

    static DetailChanges of(List<LoggedEvent> events) {
        DetailChanges changes = new DetailChanges();
        for (LoggedEvent logged : events) {
            long sequence = logged.envelope().sequence();
            String key = logged.event().tenant() + ":" + logged.event().aggregateId();
            switch (logged.event()) {
                case ProductEvent product -> keepNewest(changes.products, key, new Latest<>(product, sequence));
                case CategoryEvent category -> keepNewest(changes.categories, key, new Latest<>(category, sequence));
                case InventoryEvent inventory -> keepNewest(changes.inventories, key, new Latest<>(inventory, sequence));
                default -> throw new IllegalArgumentException("not an event of this model: " + logged.event().getClass().getName());
            }
        }
        return changes;
    }

    Collection<Latest<ProductEvent>> products() {
        return products.values();
    }

    Collection<Latest<CategoryEvent>> categories() {
        return categories.values();
    }

    Collection<Latest<InventoryEvent>> inventories() {
        return inventories.values();
    }

    private static <E extends DomainEvent> void keepNewest(Map<String, Latest<E>> latest, String key, Latest<E> candidate) {
        latest.merge(key, candidate, (kept, other) -> other.event().aggregateVersion() > kept.event().aggregateVersion() ? other : kept);
    }
}
