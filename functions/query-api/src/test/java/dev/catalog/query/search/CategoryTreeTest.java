package dev.catalog.query.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.catalog.search.document.CategoryDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CategoryTreeTest {

    private static final CategoryTree TREE = new CategoryTree(List.of(
            category("footwear", "Footwear", null),
            category("running", "Running", "footwear"),
            category("trail", "Trail", "running"),
            category("hiking", "Hiking", "footwear"),
            category("kitchen", "Kitchen", null)));

    @Test
    void a_subtree_holds_the_category_and_everything_below_it() {
        assertThat(TREE.subtree("footwear")).containsExactlyInAnyOrder("footwear", "running", "trail", "hiking");
        assertThat(TREE.subtree("running")).containsExactlyInAnyOrder("running", "trail");
        assertThat(TREE.subtree("unknown")).containsExactly("unknown");
    }

    @Test
    void a_path_runs_from_the_root_down_to_the_category() {
        assertThat(TREE.path("trail")).containsExactly(new CategoryTree.Node("footwear", "Footwear"),
                new CategoryTree.Node("running", "Running"), new CategoryTree.Node("trail", "Trail"));
        assertThat(TREE.path("unknown")).containsExactly(new CategoryTree.Node("unknown", null));
    }

    @Test
    void counts_roll_up_to_every_ancestor() {
        assertThat(TREE.rollUp(Map.of("trail", 2L, "hiking", 1L, "kitchen", 4L))).containsOnly(
                entry("trail", 2L), entry("running", 2L), entry("hiking", 1L), entry("footwear", 3L), entry("kitchen", 4L));
    }

    @Test
    void a_parent_not_seen_yet_ends_the_path() {
        CategoryTree tree = new CategoryTree(List.of(category("child", "Child", "parent-not-arrived")));

        assertThat(tree.path("child")).containsExactly(new CategoryTree.Node("parent-not-arrived", null),
                new CategoryTree.Node("child", "Child"));
    }

    @Test
    void a_loop_from_crossing_moves_ends_every_walk() {
        CategoryTree tree = new CategoryTree(List.of(category("a", "A", "b"), category("b", "B", "a")));

        assertThat(tree.subtree("a")).containsExactlyInAnyOrder("a", "b");
        assertThat(tree.path("a")).extracting(CategoryTree.Node::id).containsExactly("b", "a");
        assertThat(tree.rollUp(Map.of("a", 1L))).containsOnly(entry("a", 1L), entry("b", 1L));
    }

    private static CategoryDocument category(String id, String name, String parentId) {
        return new CategoryDocument("acme", id, new CategoryDocument.CategoryPart(name, parentId));
    }
}
