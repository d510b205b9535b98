package dev.catalog.command.category;

import dev.catalog.command.execution.CommandContext;
import dev.catalog.command.execution.CommandExecutor;
import dev.catalog.command.execution.CommandOutcome;
import dev.catalog.command.execution.VersionedRef;
import dev.catalog.domain.category.Category;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryName;
import dev.catalog.domain.category.CategoryRevision;

/** The category use cases, each one pass of the command pipeline. */
public final class CategoryCommands {

    private final CommandExecutor executor;
    private final CategoryStore categories;

    public CategoryCommands(CommandExecutor executor, CategoryStore categories) {
        this.executor = executor;
        this.categories = categories;
    }

    /** @param parentId null for a root category */
    public CommandOutcome<VersionedRef> create(CommandContext context, CategoryId id, CategoryName name, CategoryId parentId) {
        return executor.create(context, categories, id, transaction ->
                Category.create(context.tenant(), id, name, parentId, categories.tree(transaction, context.tenant()), transaction.now()));
    }

    /** Renames and/or moves; a rename and a move together are two events, and the version moves by two. */
    public CommandOutcome<VersionedRef> revise(CommandContext context, CategoryId id, CategoryRevision revision) {
        CategoryStore store = revision.mentionsParent() ? categories.lockingTheTree() : categories;
        return executor.change(context, store, id, (category, transaction) ->
                category.revise(revision, categories.tree(transaction, context.tenant()), transaction.now()));
    }
}
