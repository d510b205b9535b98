package dev.catalog.command.product;

import dev.catalog.command.category.CategoryStore;
import dev.catalog.command.execution.CommandContext;
import dev.catalog.command.execution.CommandExecutor;
import dev.catalog.command.execution.CommandOutcome;
import dev.catalog.command.execution.Decided;
import dev.catalog.command.execution.Transaction;
import dev.catalog.command.execution.VersionedRef;
import dev.catalog.domain.product.NewProduct;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.Product;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.product.ProductRevision;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.Rejection;
import java.sql.SQLException;
import java.util.Optional;

/** The product use cases: each loads, lets the aggregate decide, saves, inside one command transaction. */
public final class ProductCommands {

    private final CommandExecutor executor;
    private final ProductStore products = new ProductStore();
    private final CategoryStore categories;

    public ProductCommands(CommandExecutor executor, CategoryStore categories) {
        this.executor = executor;
        this.categories = categories;
    }

    public CommandOutcome<VersionedRef> create(CommandContext context, NewProduct command) {
        return executor.execute(context, VersionedRef.class, transaction -> record(transaction, command.id(), 0,
                Product.create(context.tenant(), command, categories.tree(transaction, context.tenant()), transaction.now())));
    }

    public CommandOutcome<VersionedRef> revise(CommandContext context, ProductId id, ProductRevision revision) {
        return change(context, id, (transaction, product) ->
                product.revise(revision, categories.tree(transaction, context.tenant()), transaction.now()));
    }

    public CommandOutcome<VersionedRef> changePrice(CommandContext context, ProductId id, Price price) {
        return change(context, id, (transaction, product) -> product.changePrice(price, transaction.now()));
    }

    public CommandOutcome<VersionedRef> activate(CommandContext context, ProductId id) {
        return change(context, id, (transaction, product) -> product.activate(transaction.now()));
    }

    public CommandOutcome<VersionedRef> discontinue(CommandContext context, ProductId id) {
        return change(context, id, (transaction, product) -> product.discontinue(transaction.now()));
    }

    public CommandOutcome<VersionedRef> delete(CommandContext context, ProductId id) {
        return change(context, id, (transaction, product) -> product.delete(transaction.now()));
    }

    /** A decision on an existing product, taken at the version the caller expects. */
    private CommandOutcome<VersionedRef> change(CommandContext context, ProductId id, ProductDecision decide) {
        return executor.execute(context, VersionedRef.class, transaction -> {
            Optional<Product> found = products.findForUpdate(transaction, context.tenant(), id);
            if (found.isEmpty()) {
                return Decided.refused(Rejection.notFound("product " + id));
            }
            Product product = found.get();
            Optional<Rejection> stale = context.staleAgainst(product.version());
            if (stale.isPresent()) {
                return Decided.refused(stale.get());
            }
            return record(transaction, id, product.version(), decide.decide(transaction, product));
        });
    }

    private Decided<VersionedRef> record(Transaction transaction, ProductId id, long currentVersion,
                                         Decision<ProductEvent> decision) throws SQLException {
        return switch (decision) {
            case Decision.Rejected<ProductEvent> rejected -> Decided.refused(rejected.rejection());
            case Decision.Accepted<ProductEvent> accepted -> {
                long version = currentVersion;
                for (ProductEvent event : accepted.events()) {
                    Optional<Rejection> conflict = products.save(transaction, event);
                    if (conflict.isPresent()) {
                        yield Decided.refused(conflict.get());
                    }
                    version = event.aggregateVersion();
                }
                yield Decided.changed(new VersionedRef(id.toString(), version), accepted.events());
            }
        };
    }

    @FunctionalInterface
    private interface ProductDecision {
        Decision<ProductEvent> decide(Transaction transaction, Product product);
    }
}
