package dev.catalog.domain.inventory;

import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A product's stock in every warehouse that holds it, at one version. Version 0 is the inventory of a product
 * whose stock was never set.
 *
 * @param updatedAt null at version 0
 */
public record InventoryState(TenantId tenant, ProductId productId, SortedMap<WarehouseCode, Quantity> levels,
                             long version, Instant updatedAt) {

    public InventoryState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(productId, "productId");
        levels = Collections.unmodifiableSortedMap(new TreeMap<>(levels));
        if (version < 0) {
            throw new IllegalArgumentException("an inventory version is never negative");
        }
    }

    public Quantity levelAt(WarehouseCode warehouse) {
        return levels.getOrDefault(warehouse, Quantity.ZERO);
    }

    /** Units on hand across all warehouses. */
    public long total() {
        return levels.values().stream().mapToLong(Quantity::value).sum();
    }
}
