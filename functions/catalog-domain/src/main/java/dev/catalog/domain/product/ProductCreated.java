package dev.catalog.domain.product;

public record ProductCreated(ProductState product) implements ProductEvent {
}
