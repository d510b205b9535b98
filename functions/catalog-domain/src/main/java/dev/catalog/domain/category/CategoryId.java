package dev.catalog.domain.category;

import java.util.Objects;
import java.util.UUID;

public record CategoryId(UUID value) {

    public CategoryId {
        Objects.requireNonNull(value, "category id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
