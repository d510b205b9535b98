package dev.catalog.search.document;

/** The inventory part of a search document: the product's stock over all warehouses at one version. */
public record InventoryPart(long stockTotal, boolean inStock) {
}
