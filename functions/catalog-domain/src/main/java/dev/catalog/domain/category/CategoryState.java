package dev.catalog.domain.category;

import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a category is at one version.
 *
 * @param parentId null for a root category
 */
public record CategoryState(TenantId tenant, CategoryId id, CategoryName name, CategoryId parentId,
                            long version, Instant createdAt, Instant updatedAt) {

    public CategoryState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("a stored category has version 1 or higher");
        }
        if (id.equals(parentId)) {
            throw new IllegalArgumentException("a category cannot be its own parent");
        }
    }

    CategoryState next(CategoryName name, CategoryId parentId, Instant now) {
        return new CategoryState(tenant, id, name, parentId, version + 1, createdAt, now);
    }
}
