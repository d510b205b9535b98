package dev.catalog.domain.product;

public record ProductActivated(ProductState product) implements ProductEvent {
}
