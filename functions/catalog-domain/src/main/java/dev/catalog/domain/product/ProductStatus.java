package dev.catalog.domain.product;

/** Where a product is in its life: drafted, on sale, or withdrawn for good. */
public enum ProductStatus {
    DRAFT,
    ACTIVE,
    DISCONTINUED
}
