package dev.catalog.projection.readmodel;

import java.util.Objects;

/** What verification compares of one product, whichever model it comes from. */
public record ProductFacts(String tenant, String id, long version, String sku, String gtin, String name, String description, String brand,
                    String status, String price, String currency, String categoryId, String categoryName,
                    long inventoryVersion, long stockTotal) {

    /** One line per product: equal lines, equal products. {@code withCategoryName} where the model copies it. */
    public String line(boolean withCategoryName) {
        return String.join("|", id, Long.toString(version), sku, Objects.toString(gtin, ""), name, Objects.toString(description, ""),
                Objects.toString(brand, ""), status, price, currency, Objects.toString(categoryId, ""),
                withCategoryName ? Objects.toString(categoryName, "") : "", Long.toString(inventoryVersion),
                Long.toString(stockTotal));
    }
}
