package dev.catalog.search.document;

/**
 * A category in the registry {@code categories_v<N>} ({@code _id} = category id). Product documents hold only
 * the category id; searches read the tenant's tree from here, so a rename or a move is one document write.
 */
public record CategoryDocument(String tenantId, String categoryId, CategoryPart category) {

    /** @param parentId null for a root category */
    public record CategoryPart(String name, String parentId) {
    }
}
