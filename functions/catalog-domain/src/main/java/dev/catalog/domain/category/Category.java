package dev.catalog.domain.category;

import static dev.catalog.domain.shared.RejectionCode.CATEGORY_CYCLE;
import static dev.catalog.domain.shared.RejectionCode.CATEGORY_TOO_DEEP;
import static dev.catalog.domain.shared.RejectionCode.CATEGORY_NOT_FOUND;

import dev.catalog.domain.shared.Aggregate;
import dev.catalog.domain.shared.Change;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The category aggregate: one node of the tenant's category tree. Unique sibling names are guarded by storage
 * (two writers could otherwise both pass a check), the shape of the tree by the rules here.
 */
public final class Category implements Aggregate {

    /** The deepest a category may be, the root being level 1. */
    public static final int MAX_DEPTH = 10;


    private final CategoryState state;

    private Category(CategoryState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    public static Category from(CategoryState state) {
        return new Category(state);
    }

    public CategoryState state() {
        return state;
    }

    @Override
    public long version() {
        return state.version();
    }

    public Category apply(CategoryEvent event) {
        if (!event.category().id().equals(state.id())) {
            throw new IllegalArgumentException("event of category " + event.category().id() + " applied to " + state.id());
        }
        return new Category(event.category());
    }

    private Category applyAll(List<CategoryEvent> events) {
        Category category = this;
        for (CategoryEvent event : events) {
            category = category.apply(event);
        }
        return category;
    }

    /** @param parentId null to create a root category */
    public static Decision<CategoryEvent> create(TenantId tenant, CategoryId id, CategoryName name, CategoryId parentId,
                                                 CategoryTree tree, Instant now) {
        if (parentId != null) {
            Optional<List<CategoryId>> pathToParent = tree.pathTo(parentId);
            if (pathToParent.isEmpty()) {
                return parentNotFound(parentId);
            }
            if (!fitsInTheTree(pathToParent.get(), 0)) {
                return tooDeep();
            }
        }
        return Decision.accepted(new CategoryCreated(new CategoryState(tenant, id, name, parentId, 1, now, now)));
    }

    /**
     * Renames and/or moves, as one decision: the rename first, then the move from the renamed category, each
     * recorded as its own event (the version moves by two when both change something). Either refused refuses both.
     */
    public Decision<CategoryEvent> revise(CategoryRevision revision, CategoryTree tree, Instant now) {
        List<CategoryEvent> events = new ArrayList<>();
        Category current = this;
        if (revision.name() instanceof Change.SetTo<CategoryName> rename) {
            switch (current.rename(rename.value(), now)) {
                case Decision.Rejected<CategoryEvent> rejected -> {
                    return rejected;
                }
                case Decision.Accepted<CategoryEvent> accepted -> {
                    events.addAll(accepted.events());
                    current = current.applyAll(accepted.events());
                }
            }
        }
        if (revision.mentionsParent()) {
            switch (current.moveTo(revision.parent().applyTo(current.state.parentId()), tree, now)) {
                case Decision.Rejected<CategoryEvent> rejected -> {
                    return rejected;
                }
                case Decision.Accepted<CategoryEvent> accepted -> events.addAll(accepted.events());
            }
        }
        return Decision.accepted(events);
    }

    public Decision<CategoryEvent> rename(CategoryName name, Instant now) {
        if (name.equals(state.name())) {
            return Decision.unchanged();
        }
        return Decision.accepted(new CategoryRenamed(state.next(name, state.parentId(), now), state.name()));
    }

    /** @param newParentId null to make this a root category */
    public Decision<CategoryEvent> moveTo(CategoryId newParentId, CategoryTree tree, Instant now) {
        if (Objects.equals(newParentId, state.parentId())) {
            return Decision.unchanged();
        }
        if (newParentId != null) {
            Optional<List<CategoryId>> pathToNewParent = tree.pathTo(newParentId);
            if (pathToNewParent.isEmpty()) {
                return parentNotFound(newParentId);
            }
            if (!staysOutsideItsOwnSubtree(pathToNewParent.get())) {
                return Decision.rejected(CATEGORY_CYCLE, "parentId", "a category cannot be moved under itself or one of its descendants");
            }
            if (!fitsInTheTree(pathToNewParent.get(), tree.levelsBelow(state.id()))) {
                return tooDeep();
            }
        }
        return Decision.accepted(new CategoryMoved(state.next(state.name(), newParentId, now), state.parentId()));
    }

    // Rule: the tree has no cycles, so a category never hangs below itself. The new parent's path from the root
    // must not pass through this category (which it does when the new parent is this category or a descendant).
    private boolean staysOutsideItsOwnSubtree(List<CategoryId> pathToNewParent) {
        return !pathToNewParent.contains(state.id());
    }

    // Rule: the tree is at most MAX_DEPTH levels deep, counting the root as 1. A category placed under a parent
    // lands one level below it, and everything below the category moves with it. Shallow trees keep every path
    // short to walk, store and show, and no move can build a chain anywhere near the path lookup's guard.
    private static boolean fitsInTheTree(List<CategoryId> pathToParent, int levelsBelow) {
        return pathToParent.size() + 1 + levelsBelow <= MAX_DEPTH;
    }

    private static Decision<CategoryEvent> tooDeep() {
        return Decision.rejected(CATEGORY_TOO_DEEP, "parentId", "the category tree is at most " + MAX_DEPTH
                + " levels deep, and this would put a category below that");
    }

    private static Decision<CategoryEvent> parentNotFound(CategoryId parentId) {
        return Decision.rejected(CATEGORY_NOT_FOUND, "parentId", "category " + parentId + " does not exist");
    }
}
