package dev.catalog.query.category;

import java.util.List;

/**
 * One category of the tree {@code GET /categories} answers.
 *
 * @param productCount products filed in this category or anywhere below it
 * @param children     its sub-categories, by name
 */
public record CategoryNode(String id, String name, long version, long productCount, List<CategoryNode> children) {
}
