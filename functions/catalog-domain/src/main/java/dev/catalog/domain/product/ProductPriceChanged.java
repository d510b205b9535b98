package dev.catalog.domain.product;

public record ProductPriceChanged(ProductState product, Price previousPrice) implements ProductEvent {
}
