package dev.catalog.projection.detail;

import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.projection.batch.NewestPerAggregate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A batch's events reduced to what the read model needs: for each product, category and inventory, only the newest
 * event of the batch. Events are fat, so the newest one alone carries the whole part; older ones would be overwritten
 * anyway. This is what makes one statement batch per part possible.
 */
final class DetailChanges {

    /** The newest event of one aggregate in the batch, with the sequence it was logged at. */
    record Latest<E>(E event, long sequence) {
    }

    private final List<Latest<ProductEvent>> products = new ArrayList<>();
    private final List<Latest<CategoryEvent>> categories = new ArrayList<>();
    private final List<Latest<InventoryEvent>> inventories = new ArrayList<>();

    static DetailChanges of(List<LoggedEvent> events) {
        DetailChanges changes = new DetailChanges();
        for (LoggedEvent logged : NewestPerAggregate.of(events)) {
            long sequence = logged.envelope().sequence();
            switch (logged.event()) {
                case ProductEvent product -> changes.products.add(new Latest<>(product, sequence));
                case CategoryEvent category -> changes.categories.add(new Latest<>(category, sequence));
                case InventoryEvent inventory -> changes.inventories.add(new Latest<>(inventory, sequence));
            }
        }
        return changes;
    }

    Collection<Latest<ProductEvent>> products() {
        return products;
    }

    Collection<Latest<CategoryEvent>> categories() {
        return categories;
    }

    Collection<Latest<InventoryEvent>> inventories() {
        return inventories;
    }
}
