package dev.catalog.domain.product;

import dev.catalog.domain.category.CategoryId;
import java.util.Objects;

/**
 * The command to create a product.
 *
 * @param gtin          null for none
 * @param description   null for none
 * @param brand         null for none
 * @param categoryId    null to leave the product uncategorized
 * @param initialStatus what the client asked the product to start as
 */
public record NewProduct(
        ProductId id,
        Sku sku,
        Gtin gtin,
        ProductName name,
        Description description,
        Brand brand,
        CategoryId categoryId,
        Price price,
        Attributes attributes,
        ProductStatus initialStatus) {

    public NewProduct {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(initialStatus, "initialStatus");
    }
}
