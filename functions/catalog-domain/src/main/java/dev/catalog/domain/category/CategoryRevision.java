package dev.catalog.domain.category;

import dev.catalog.domain.shared.Change;
import java.util.Objects;

/**
 * The command to rename and/or move a category; what it does not mention is kept.
 *
 * @param parent {@link Change.Clear} makes the category a root
 */
public record CategoryRevision(Change<CategoryName> name, Change<CategoryId> parent) {

    public CategoryRevision {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parent, "parent");
        if (name instanceof Change.Clear<CategoryName>) {
            throw new IllegalArgumentException("a category's name can be changed, not removed");
        }
    }

    /** True when the command asks for a parent, which may move the category and its subtree. */
    public boolean mentionsParent() {
        return !(parent instanceof Change.Keep<CategoryId>);
    }
}
