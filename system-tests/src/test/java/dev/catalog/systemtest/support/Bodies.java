package dev.catalog.systemtest.support;

import java.util.UUID;

/** Request bodies that pass validation, to vary one property at a time. */
public final class Bodies {

    private Bodies() {
    }

    public static String uniqueSku() {
        return "SKU-" + UUID.randomUUID().toString().substring(0, 12).toUpperCase();
    }

    public static String product(String sku) {
        return """
                {"sku": "%s", "name": "Trail Running Shoe", "description": "Light and grippy.", "brand": "Stride",
                 "price": {"amount": "89.90", "currency": "EUR"}, "attributes": {"color": "blue"}}
                """.formatted(sku);
    }

    public static String productInCategory(String sku, String categoryId) {
        return """
                {"sku": "%s", "name": "Trail Running Shoe", "categoryId": "%s", "price": {"amount": "89.90", "currency": "EUR"}}
                """.formatted(sku, categoryId);
    }

    public static String category(String name) {
        return "{\"name\": \"" + name + "\"}";
    }

    public static String category(String name, String parentId) {
        return "{\"name\": \"" + name + "\", \"parentId\": \"" + parentId + "\"}";
    }
}
