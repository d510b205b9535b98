package dev.catalog.command.inventory;

import dev.catalog.command.execution.CommandContext;
import dev.catalog.command.execution.CommandExecutor;
import dev.catalog.command.execution.CommandOutcome;
import dev.catalog.domain.inventory.Quantity;
import dev.catalog.domain.inventory.WarehouseCode;
import dev.catalog.domain.product.ProductId;

/** The inventory use case: set a product's stock in one warehouse, one pass of the command pipeline. */
public final class InventoryCommands {

    private final CommandExecutor executor;
    private final InventoryStore inventories = new InventoryStore();

    public InventoryCommands(CommandExecutor executor) {
        this.executor = executor;
    }

    public CommandOutcome<StockLevelRef> setStock(CommandContext context, ProductId productId, WarehouseCode warehouse,
                                                  Quantity quantity) {
        return executor.change(context, StockLevelRef.class, inventories, productId,
                (inventory, transaction) -> inventory.setStock(warehouse, quantity, transaction.now()),
                version -> new StockLevelRef(productId.toString(), warehouse.value(), quantity.value(), version));
    }
}
