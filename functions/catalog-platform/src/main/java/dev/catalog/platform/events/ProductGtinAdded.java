package dev.catalog.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Version 1 to 2 of the events carrying a product: version 2 added the product's optional {@code gtin}. A product
 * written by version 1 had none, which version 2 states as {@code "gtin": null}.
 */
final class ProductGtinAdded {

    static final Set<String> PRODUCT_EVENTS = Set.of("ProductCreated", "ProductDetailsChanged", "ProductPriceChanged",
            "ProductActivated", "ProductDiscontinued", "ProductDeleted");

    static final Upcaster STEP = new Upcaster(1, PRODUCT_EVENTS, ProductGtinAdded::rewrite);

    private ProductGtinAdded() {
    }

    /** A payload without a product object is left as it is: decoding refuses it with the reason. */
    static void rewrite(ObjectNode payload) {
        JsonNode product = payload.get("product");
        if (product instanceof ObjectNode fields && !fields.has("gtin")) {
            fields.putNull("gtin");
        }
    }
}
