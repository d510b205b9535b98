package dev.catalog.command.inventory;

import dev.catalog.command.execution.CommandContext;
import dev.catalog.command.execution.CommandExecutor;
import dev.catalog.command.execution.CommandOutcome;
import dev.catalog.command.execution.Decided;
import dev.catalog.domain.inventory.Inventory;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.inventory.Quantity;
import dev.catalog.domain.inventory.StockLevelChanged;
import dev.catalog.domain.inventory.WarehouseCode;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.Rejection;
import java.util.Optional;

/** The inventory use case: set a product's stock in one warehouse. */
public final class InventoryCommands {

    private final CommandExecutor executor;
    private final InventoryStore inventories = new InventoryStore();

    public InventoryCommands(CommandExecutor executor) {
        this.executor = executor;
    }

    public CommandOutcome<StockLevelRef> setStock(CommandContext context, ProductId productId, WarehouseCode warehouse,
                                                  Quantity quantity) {
        return executor.execute(context, StockLevelRef.class, transaction -> {
            inventories.lock(transaction, context.tenant(), productId);
            if (!inventories.productExists(transaction, context.tenant(), productId)) {
                return Decided.refused(Rejection.notFound("product " + productId));
            }
            Inventory inventory = inventories.find(transaction, context.tenant(), productId);
            Optional<Rejection> stale = context.staleAgainst(inventory.version());
            if (stale.isPresent()) {
                return Decided.refused(stale.get());
            }
            return switch (inventory.setStock(warehouse, quantity, transaction.now())) {
                case Decision.Rejected<InventoryEvent> rejected -> Decided.refused(rejected.rejection());
                case Decision.Accepted<InventoryEvent> accepted -> {
                    long version = inventory.version();
                    for (InventoryEvent event : accepted.events()) {
                        switch (event) {
                            case StockLevelChanged changed -> inventories.save(transaction, changed);
                        }
                        version = event.aggregateVersion();
                    }
                    yield Decided.changed(new StockLevelRef(productId.toString(), warehouse.value(), quantity.value(), version),
                            accepted.events());
                }
            };
        });
    }
}
