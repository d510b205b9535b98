package dev.catalog.query.category;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of {@code GET /categories/{id}}: one category with its place in the tree and its subtree.
 *
 * @param parentId     null for a root
 * @param path         from the root down to this category, both included
 * @param productCount products filed in this category or anywhere below it
 * @param children     its subtree, siblings by name
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CategoryDetail(String id, String name, String parentId, List<PathElement> path, long version,
                             long productCount, List<CategoryNode> children) {
}
