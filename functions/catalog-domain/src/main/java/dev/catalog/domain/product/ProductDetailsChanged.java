package dev.catalog.domain.product;

import java.util.Set;

/** Name, description, brand, category or attributes changed; {@code changed} says which. */
public record ProductDetailsChanged(ProductState product, Set<ProductDetail> changed) implements ProductEvent {

    public ProductDetailsChanged {
        changed = Set.copyOf(changed);
        if (changed.isEmpty()) {
            throw new IllegalArgumentException("a details change changes at least one detail");
        }
    }
}
