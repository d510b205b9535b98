package dev.catalog.domain.category;

/**
 * The category hangs under a new parent (or became a root), taking its whole subtree along.
 *
 * @param previousParentId null when it was a root
 */
public record CategoryMoved(CategoryState category, CategoryId previousParentId) implements CategoryEvent {
}
