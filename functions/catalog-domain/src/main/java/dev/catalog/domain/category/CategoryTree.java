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

    /** How many levels of descendants hang below {@code id}: 0 for a leaf (or a category the tenant does not have). */
    int levelsBelow(CategoryId id);

    /**
     * A tree as flat as its paths say, for decisions that only look categories up: every category known to
     * {@code paths} is a leaf.
     */
    static CategoryTree ofPaths(java.util.function.Function<CategoryId, Optional<List<CategoryId>>> paths) {
        return new CategoryTree() {
            @Override
            public Optional<List<CategoryId>> pathTo(CategoryId id) {
                return paths.apply(id);
            }

            @Override
            public int levelsBelow(CategoryId id) {
                return 0;
            }
        };
    }

    default boolean contains(CategoryId id) {
        return pathTo(id).isPresent();
    }
}
