package dev.catalog.domain.category;

import java.util.List;
import java.util.Optional;

/**
 * The tenant's category tree as a decision needs to see it. Implemented by the write side's storage, inside
 * the command's transaction.
 */
public interface CategoryTree {

    /**
     * The path from a root category down to {@code id}, both ends included; empty when the tenant has no
     * such category.
     */
    Optional<List<CategoryId>> pathTo(CategoryId id);

    default boolean contains(CategoryId id) {
        return pathTo(id).isPresent();
    }
}
