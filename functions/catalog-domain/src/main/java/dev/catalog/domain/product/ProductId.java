package dev.catalog.domain.product;

import java.util.Objects;
import java.util.UUID;

public record ProductId(UUID value) {

    public ProductId {
        Objects.requireNonNull(value, "product id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
