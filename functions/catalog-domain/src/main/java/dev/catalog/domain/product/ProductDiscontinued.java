package dev.catalog.domain.product;

public record ProductDiscontinued(ProductState product, ProductStatus previousStatus) implements ProductEvent {
}
