package dev.catalog.domain.product;

/** The product is gone. It carries the last state, at the version of the deletion, so read models can drop it by version. */
public record ProductDeleted(ProductState product) implements ProductEvent {
}
