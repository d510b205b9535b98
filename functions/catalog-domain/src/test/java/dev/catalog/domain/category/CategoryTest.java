package dev.catalog.domain.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.domain.shared.Change;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The tree used below:
 * <pre>
 * clothing
 *   shoes
 *     boots
 * garden
 * </pre>
 */
class CategoryTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final CategoryId CLOTHING = id(1);
    private static final CategoryId SHOES = id(2);
    private static final CategoryId BOOTS = id(3);
    private static final CategoryId GARDEN = id(4);
    private static final Map<CategoryId, List<CategoryId>> PATHS = Map.of(
            CLOTHING, List.of(CLOTHING),
            SHOES, List.of(CLOTHING, SHOES),
            BOOTS, List.of(CLOTHING, SHOES, BOOTS),
            GARDEN, List.of(GARDEN));
    private static final CategoryTree TREE = tree(PATHS);

    /** The tree the paths describe: a category's levels below are the longest path through it, less its own. */
    private static CategoryTree tree(Map<CategoryId, List<CategoryId>> paths) {
        return new CategoryTree() {
            @Override
            public Optional<List<CategoryId>> pathTo(CategoryId id) {
                return Optional.ofNullable(paths.get(id));
            }

            @Override
            public int levelsBelow(CategoryId id) {
                return paths.values().stream().filter(path -> path.contains(id))
                        .mapToInt(path -> path.size() - 1 - path.indexOf(id)).max().orElse(0);
            }
        };
    }

    /** A chain of {@code levels} categories, ids from {@code first} on, each under the one before. */
    private static Map<CategoryId, List<CategoryId>> chain(int first, int levels) {
        Map<CategoryId, List<CategoryId>> paths = new java.util.HashMap<>();
        List<CategoryId> path = new java.util.ArrayList<>();
        for (int level = 0; level < levels; level++) {
            path.add(id(first + level));
            paths.put(id(first + level), List.copyOf(path));
        }
        return paths;
    }

    @Test
    void a_category_may_be_created_at_most_ten_levels_deep() {
        CategoryTree nine = tree(chain(100, 9));
        CategoryTree ten = tree(chain(100, 10));

        assertThat(Category.create(TENANT, id(9), new CategoryName("Tenth"), id(108), nine, NOW))
                .isInstanceOf(Decision.Accepted.class);
        Rejection tooDeep = rejection(Category.create(TENANT, id(9), new CategoryName("Eleventh"), id(109), ten, NOW));
        assertThat(tooDeep.code()).isEqualTo(RejectionCode.CATEGORY_TOO_DEEP);
    }

    @Test
    void a_move_counts_the_levels_the_category_brings_along() {
        Map<CategoryId, List<CategoryId>> paths = new java.util.HashMap<>(chain(100, 7));  // 100 .. 106
        paths.putAll(chain(200, 4));                                                           // 200 .. 203
        CategoryTree tree = tree(paths);

        // 200 with its three levels below, under 105 (level 6): 200 lands on level 7, 203 on level 10.
        assertThat(category(id(200), null).moveTo(id(105), tree, NOW)).isInstanceOf(Decision.Accepted.class);
        // Under 106 (level 7), 203 would land on level 11.
        assertThat(rejection(category(id(200), null).moveTo(id(106), tree, NOW)).code())
                .isEqualTo(RejectionCode.CATEGORY_TOO_DEEP);
    }

    @Test
    void a_category_is_created_as_a_root_or_under_an_existing_parent() {
        CategoryCreated root = (CategoryCreated) accepted(Category.create(TENANT, id(9), new CategoryName("Toys"), null, TREE, NOW));
        CategoryCreated child = (CategoryCreated) accepted(Category.create(TENANT, id(10), new CategoryName("Sandals"), SHOES, TREE, NOW));

        assertThat(root.category().parentId()).isNull();
        assertThat(root.category().version()).isEqualTo(1);
        assertThat(child.category().parentId()).isEqualTo(SHOES);
    }

    @Test
    void a_parent_must_exist_in_the_tenant() {
        var decision = Category.create(TENANT, id(9), new CategoryName("Toys"), id(99), TREE, NOW);

        assertThat(rejection(decision).code()).isEqualTo(RejectionCode.CATEGORY_NOT_FOUND);
    }

    @Test
    void a_rename_records_the_previous_name() {
        CategoryRenamed renamed = (CategoryRenamed) accepted(category(SHOES, CLOTHING).rename(new CategoryName("Footwear"), NOW));

        assertThat(renamed.category().name().value()).isEqualTo("Footwear");
        assertThat(renamed.previousName().value()).isEqualTo("Shoes");
        assertThat(renamed.aggregateVersion()).isEqualTo(2);
    }

    @Test
    void the_same_name_again_records_nothing() {
        assertThat(category(SHOES, CLOTHING).rename(new CategoryName("Shoes"), NOW)).isEqualTo(Decision.unchanged());
    }

    @Test
    void a_category_moves_with_its_subtree_under_another_parent() {
        CategoryMoved moved = (CategoryMoved) accepted(category(SHOES, CLOTHING).moveTo(GARDEN, TREE, NOW));

        assertThat(moved.category().parentId()).isEqualTo(GARDEN);
        assertThat(moved.previousParentId()).isEqualTo(CLOTHING);
    }

    @Test
    void a_category_can_become_a_root() {
        CategoryMoved moved = (CategoryMoved) accepted(category(SHOES, CLOTHING).moveTo(null, TREE, NOW));

        assertThat(moved.category().parentId()).isNull();
    }

    @Test
    void a_category_cannot_be_moved_under_itself() {
        assertThat(rejection(category(SHOES, CLOTHING).moveTo(SHOES, TREE, NOW)).code()).isEqualTo(RejectionCode.CATEGORY_CYCLE);
    }

    @Test
    void a_category_cannot_be_moved_under_one_of_its_descendants() {
        assertThat(rejection(category(CLOTHING, null).moveTo(BOOTS, TREE, NOW)).code()).isEqualTo(RejectionCode.CATEGORY_CYCLE);
    }

    @Test
    void a_category_cannot_be_moved_under_a_parent_that_does_not_exist() {
        assertThat(rejection(category(SHOES, CLOTHING).moveTo(id(99), TREE, NOW)).code()).isEqualTo(RejectionCode.CATEGORY_NOT_FOUND);
    }

    @Test
    void moving_to_the_current_parent_records_nothing() {
        assertThat(category(SHOES, CLOTHING).moveTo(CLOTHING, TREE, NOW)).isEqualTo(Decision.unchanged());
    }

    @Test
    void a_rename_and_a_move_together_are_two_events_the_rename_first() {
        var decision = category(SHOES, CLOTHING).revise(
                new CategoryRevision(Change.setTo(new CategoryName("Footwear")), Change.setTo(GARDEN)), TREE, NOW);

        List<CategoryEvent> events = events(decision);
        assertThat(events).hasSize(2);
        CategoryRenamed renamed = (CategoryRenamed) events.get(0);
        CategoryMoved moved = (CategoryMoved) events.get(1);
        assertThat(renamed.previousName().value()).isEqualTo("Shoes");
        assertThat(renamed.aggregateVersion()).isEqualTo(2);
        // The move is decided on the renamed category: it keeps the new name.
        assertThat(moved.category().name().value()).isEqualTo("Footwear");
        assertThat(moved.category().parentId()).isEqualTo(GARDEN);
        assertThat(moved.previousParentId()).isEqualTo(CLOTHING);
        assertThat(moved.aggregateVersion()).isEqualTo(3);
    }

    @Test
    void a_revision_that_mentions_only_the_name_renames() {
        var decision = category(SHOES, CLOTHING).revise(
                new CategoryRevision(Change.setTo(new CategoryName("Footwear")), Change.keep()), TREE, NOW);

        assertThat(events(decision)).singleElement().isInstanceOf(CategoryRenamed.class);
    }

    @Test
    void a_revision_that_clears_the_parent_makes_a_root() {
        var decision = category(SHOES, CLOTHING).revise(new CategoryRevision(Change.keep(), Change.clear()), TREE, NOW);

        CategoryMoved moved = (CategoryMoved) events(decision).getFirst();
        assertThat(moved.category().parentId()).isNull();
        assertThat(moved.aggregateVersion()).isEqualTo(2);
    }

    @Test
    void a_refused_move_refuses_the_rename_with_it() {
        var decision = category(SHOES, CLOTHING).revise(
                new CategoryRevision(Change.setTo(new CategoryName("Footwear")), Change.setTo(BOOTS)), TREE, NOW);

        assertThat(rejection(decision).code()).isEqualTo(RejectionCode.CATEGORY_CYCLE);
    }

    @Test
    void a_revision_to_the_same_name_and_parent_records_nothing() {
        var decision = category(SHOES, CLOTHING).revise(
                new CategoryRevision(Change.setTo(new CategoryName("Shoes")), Change.setTo(CLOTHING)), TREE, NOW);

        assertThat(decision).isEqualTo(Decision.unchanged());
    }

    @Test
    void a_name_can_be_changed_but_not_removed() {
        assertThatThrownBy(() -> new CategoryRevision(Change.clear(), Change.keep()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Category category(CategoryId id, CategoryId parent) {
        String name = id.equals(SHOES) ? "Shoes" : "Clothing";
        return Category.from(new CategoryState(TENANT, id, new CategoryName(name), parent, 1, NOW, NOW));
    }

    private static CategoryEvent accepted(Decision<CategoryEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        List<CategoryEvent> events = ((Decision.Accepted<CategoryEvent>) decision).events();
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    private static List<CategoryEvent> events(Decision<CategoryEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted<CategoryEvent>) decision).events();
    }

    private static Rejection rejection(Decision<CategoryEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<CategoryEvent>) decision).rejection();
    }

    private static CategoryId id(int n) {
        return new CategoryId(new UUID(0, n));
    }
}
