package dev.catalog.query.search;

import dev.catalog.search.document.CategoryDocument;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A tenant's categories as the registry holds them right now. Events of different categories arrive in any
 * order, so the tree may briefly be odd: a parent not seen yet, or even a loop while two moves cross. Every walk
 * here stops at an unknown id and never visits a category twice, so an odd tree gives a short path, not a hang.
 */
final class CategoryTree {

    /** One category on a path from the root. */
    record Node(String id, String name) {
    }

    private final Map<String, CategoryDocument.CategoryPart> categories;
    private final Map<String, List<String>> children = new HashMap<>();

    CategoryTree(List<CategoryDocument> documents) {
        this.categories = new HashMap<>();
        for (CategoryDocument document : documents) {
            if (document.category() != null) {
                categories.put(document.categoryId(), document.category());
            }
        }
        categories.forEach((id, category) -> {
            if (category.parentId() != null) {
                children.computeIfAbsent(category.parentId(), parent -> new ArrayList<>()).add(id);
            }
        });
    }

    int size() {
        return categories.size();
    }

    /** The name of a category, or null when the registry has not seen it (yet). */
    String name(String id) {
        CategoryDocument.CategoryPart category = categories.get(id);
        return category == null ? null : category.name();
    }

    String parentId(String id) {
        CategoryDocument.CategoryPart category = categories.get(id);
        return category == null ? null : category.parentId();
    }

    /** The category and all categories below it. */
    Set<String> subtree(String id) {
        Set<String> subtree = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(id));
        while (!pending.isEmpty()) {
            String next = pending.pop();
            if (subtree.add(next)) {
                pending.addAll(children.getOrDefault(next, List.of()));
            }
        }
        return subtree;
    }

    /** From the root down to the category, both included; only the category itself when the registry lacks it. */
    List<Node> path(String id) {
        List<Node> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String at = id; at != null && seen.add(at); at = parentId(at)) {
            path.addFirst(new Node(at, name(at)));
            if (!categories.containsKey(at)) {
                break;
            }
        }
        return path;
    }

    /** Counts per category including every category below it, from counts of the products filed directly in each. */
    Map<String, Long> rollUp(Map<String, Long> direct) {
        Map<String, Long> total = new HashMap<>();
        direct.forEach((id, count) -> {
            for (Node node : path(id)) {
                total.merge(node.id(), count, Long::sum);
            }
        });
        return total;
    }
}
