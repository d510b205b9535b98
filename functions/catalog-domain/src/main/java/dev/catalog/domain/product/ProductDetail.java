package dev.catalog.domain.product;

/** The details of a product that {@link ProductDetailsChanged} can change. */
public enum ProductDetail {
    GTIN,
    NAME,
    DESCRIPTION,
    BRAND,
    CATEGORY,
    ATTRIBUTES
}
