package dev.catalog.command.category;

import dev.catalog.command.execution.CommandContext;
import dev.catalog.command.execution.CommandExecutor;
import dev.catalog.command.execution.CommandOutcome;
import dev.catalog.command.execution.Decided;
import dev.catalog.command.execution.Transaction;
import dev.catalog.command.execution.VersionedRef;
import dev.catalog.domain.category.Category;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryName;
import dev.catalog.domain.shared.Change;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.Rejection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The category use cases, each one command transaction. */
public final class CategoryCommands {

    private final CommandExecutor executor;
    private final CategoryStore categories;

    public CategoryCommands(CommandExecutor executor, CategoryStore categories) {
        this.executor = executor;
        this.categories = categories;
    }

    /** @param parentId null for a root category */
    public CommandOutcome<VersionedRef> create(CommandContext context, CategoryId id, CategoryName name, CategoryId parentId) {
        return executor.execute(context, VersionedRef.class, transaction -> record(transaction, id, 0,
                List.of(Category.create(context.tenant(), id, name, parentId,
                        categories.tree(transaction, context.tenant()), transaction.now()))));
    }

    /** Renames and/or moves; a rename and a move together are two events, and the version moves by two. */
    public CommandOutcome<VersionedRef> change(CommandContext context, CategoryId id, Change<CategoryName> name,
                                               Change<CategoryId> parent) {
        return executor.execute(context, VersionedRef.class, transaction -> {
            if (!(parent instanceof Change.Keep<CategoryId>)) {
                categories.lockTree(transaction, context.tenant());
            }
            Optional<Category> found = categories.findForUpdate(transaction, context.tenant(), id);
            if (found.isEmpty()) {
                return Decided.refused(Rejection.notFound("category " + id));
            }
            Category category = found.get();
            Optional<Rejection> stale = context.staleAgainst(category.version());
            if (stale.isPresent()) {
                return Decided.refused(stale.get());
            }
            List<Decision<CategoryEvent>> decisions = new ArrayList<>();
            Category current = category;
            if (name instanceof Change.SetTo<CategoryName> rename) {
                Decision<CategoryEvent> renamed = current.rename(rename.value(), transaction.now());
                decisions.add(renamed);
                current = applied(current, renamed);
            }
            if (!(parent instanceof Change.Keep<CategoryId>)) {
                decisions.add(current.moveTo(parent.applyTo(current.state().parentId()),
                        categories.tree(transaction, context.tenant()), transaction.now()));
            }
            return record(transaction, id, category.version(), decisions);
        });
    }

    private static Category applied(Category category, Decision<CategoryEvent> decision) {
        if (decision instanceof Decision.Accepted<CategoryEvent> accepted) {
            for (CategoryEvent event : accepted.events()) {
                category = category.apply(event);
            }
        }
        return category;
    }

    private Decided<VersionedRef> record(Transaction transaction, CategoryId id, long currentVersion,
                                         List<Decision<CategoryEvent>> decisions) throws SQLException {
        List<CategoryEvent> events = new ArrayList<>();
        for (Decision<CategoryEvent> decision : decisions) {
            switch (decision) {
                case Decision.Rejected<CategoryEvent> rejected -> {
                    return Decided.refused(rejected.rejection());
                }
                case Decision.Accepted<CategoryEvent> accepted -> events.addAll(accepted.events());
            }
        }
        long version = currentVersion;
        for (CategoryEvent event : events) {
            Optional<Rejection> conflict = categories.save(transaction, event);
            if (conflict.isPresent()) {
                return Decided.refused(conflict.get());
            }
            version = event.aggregateVersion();
        }
        return Decided.changed(new VersionedRef(id.toString(), version), events);
    }
}
