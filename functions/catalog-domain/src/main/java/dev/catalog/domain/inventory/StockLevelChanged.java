package dev.catalog.domain.inventory;

/** The stock of one warehouse was set; {@code previousQuantity} is what it held before (zero if nothing). */
public record StockLevelChanged(InventoryState inventory, WarehouseCode warehouse, Quantity previousQuantity)
        implements InventoryEvent {

    public Quantity quantity() {
        return inventory.levelAt(warehouse);
    }
}
