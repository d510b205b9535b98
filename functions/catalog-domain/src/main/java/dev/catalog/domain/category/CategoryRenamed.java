package dev.catalog.domain.category;

/** The category has a new name; every product filed under it, or under a category below it, shows a new path. */
public record CategoryRenamed(CategoryState category, CategoryName previousName) implements CategoryEvent {
}
