package dev.catalog.domain.inventory;

import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.shared.Aggregate;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The inventory aggregate: how many units of one product each warehouse holds. Quantities are set absolutely
 * (a stock count), and the rule that they are never negative lives in {@link Quantity}.
 */
public final class Inventory implements Aggregate {

    private final InventoryState state;

    private Inventory(InventoryState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    public static Inventory from(InventoryState state) {
        return new Inventory(state);
    }

    /** The inventory of a product whose stock has never been set. */
    public static Inventory none(TenantId tenant, ProductId productId) {
        return new Inventory(new InventoryState(tenant, productId, new TreeMap<>(), 0, null));
    }

    public InventoryState state() {
        return state;
    }

    @Override
    public long version() {
        return state.version();
    }

    public Inventory apply(InventoryEvent event) {
        if (!event.inventory().productId().equals(state.productId())) {
            throw new IllegalArgumentException("event of inventory " + event.inventory().productId() + " applied to " + state.productId());
        }
        return new Inventory(event.inventory());
    }

    public Decision<InventoryEvent> setStock(WarehouseCode warehouse, Quantity quantity, Instant now) {
        Quantity previous = state.levelAt(warehouse);
        if (previous.equals(quantity) && state.levels().containsKey(warehouse)) {
            return Decision.unchanged();
        }
        TreeMap<WarehouseCode, Quantity> levels = new TreeMap<>(state.levels());
        levels.put(warehouse, quantity);
        InventoryState next = new InventoryState(state.tenant(), state.productId(), levels, state.version() + 1, now);
        return Decision.accepted(new StockLevelChanged(next, warehouse, previous));
    }
}
