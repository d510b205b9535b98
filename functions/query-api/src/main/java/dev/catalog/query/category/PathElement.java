package dev.catalog.query.category;

/** One category on a path from the root of the tree down. */
public record PathElement(String id, String name) {
}
