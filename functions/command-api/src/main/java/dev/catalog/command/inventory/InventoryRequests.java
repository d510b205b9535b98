package dev.catalog.command.inventory;

import dev.catalog.domain.inventory.Quantity;
import dev.catalog.domain.inventory.WarehouseCode;
import dev.catalog.domain.product.ProductId;
import dev.catalog.platform.http.ApiRequest;
import dev.catalog.platform.http.DomainValues;
import dev.catalog.platform.http.JsonBody;
import dev.catalog.platform.http.ProblemException;
import java.util.Set;

/** A stock request to a command: the product and warehouse from the path (400 when malformed), the quantity from the body. */
final class InventoryRequests {

    record SetStock(ProductId productId, WarehouseCode warehouse, Quantity quantity) {
    }

    private InventoryRequests() {
    }

    static SetStock setStock(ApiRequest request) {
        ProductId productId = new ProductId(request.pathUuid("id"));
        String warehouseCode = request.pathParameter("warehouse");
        JsonBody body = request.jsonBody().allowOnly(Set.of("quantity"));
        Long quantity = body.requiredInteger("quantity");
        body.throwIfInvalid();
        DomainValues values = new DomainValues();
        WarehouseCode warehouse = values.of("warehouse", () -> new WarehouseCode(warehouseCode));
        Quantity level = values.of("quantity", () -> new Quantity(quantity));
        values.throwIfInvalid();
        return new SetStock(productId, warehouse, level);
    }
}
