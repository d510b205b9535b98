package dev.catalog.domain.product;

import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a product is at one version. Events carry it whole.
 *
 * @param description null when the product has none
 * @param brand       null when the product has none
 * @param categoryId  null when the product is not filed under a category
 * @param gtin        null when the product has none (and for every product the previous release wrote)
 */
public record ProductState(
        TenantId tenant,
        ProductId id,
        Sku sku,
        Gtin gtin,
        ProductName name,
        Description description,
        Brand brand,
        CategoryId categoryId,
        Price price,
        ProductStatus status,
        Attributes attributes,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public ProductState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a stored product has version 1 or higher");
        }
    }

    /** The next version of this state, as of {@code now}; callers then change what the event changes. */
    ProductState nextVersion(Instant now) {
        return new ProductState(tenant, id, sku, gtin, name, description, brand, categoryId, price, status, attributes,
                version + 1, createdAt, now);
    }

    ProductState withDetails(Gtin gtin, ProductName name, Description description, Brand brand, CategoryId categoryId,
                             Attributes attributes) {
        return new ProductState(tenant, id, sku, gtin, name, description, brand, categoryId, price, status, attributes,
                version, createdAt, updatedAt);
    }

    ProductState withPrice(Price price) {
        return new ProductState(tenant, id, sku, gtin, name, description, brand, categoryId, price, status, attributes,
                version, createdAt, updatedAt);
    }

    ProductState withStatus(ProductStatus status) {
        return new ProductState(tenant, id, sku, gtin, name, description, brand, categoryId, price, status, attributes,
                version, createdAt, updatedAt);
    }
}
