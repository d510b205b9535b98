package dev.catalog.command.product;

import dev.catalog.command.category.CategoryStore;
import dev.catalog.command.execution.CommandContext;
import dev.catalog.command.execution.CommandExecutor;
import dev.catalog.command.execution.CommandOutcome;
import dev.catalog.command.execution.VersionedRef;
import dev.catalog.domain.product.NewProduct;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.Product;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.product.ProductRevision;

/** The product use cases, each one pass of the command pipeline. */
public final class ProductCommands {

    private final CommandExecutor executor;
    private final ProductStore products = new ProductStore();
    private final CategoryStore categories;

    public ProductCommands(CommandExecutor executor, CategoryStore categories) {
        this.executor = executor;
        this.categories = categories;
    }

    public CommandOutcome<VersionedRef> create(CommandContext context, NewProduct command) {
        return executor.create(context, products, command.id(), transaction ->
                Product.create(context.tenant(), command, categories.tree(transaction, context.tenant()), transaction.now()));
    }

    public CommandOutcome<VersionedRef> revise(CommandContext context, ProductId id, ProductRevision revision) {
        return executor.change(context, products, id, (product, transaction) ->
                product.revise(revision, categories.tree(transaction, context.tenant()), transaction.now()));
    }

    public CommandOutcome<VersionedRef> changePrice(CommandContext context, ProductId id, Price price) {
        return executor.change(context, products, id, (product, transaction) -> product.changePrice(price, transaction.now()));
    }

    public CommandOutcome<VersionedRef> activate(CommandContext context, ProductId id) {
        return executor.change(context, products, id, (product, transaction) -> product.activate(transaction.now()));
    }

    public CommandOutcome<VersionedRef> discontinue(CommandContext context, ProductId id) {
        return executor.change(context, products, id, (product, transaction) -> product.discontinue(transaction.now()));
    }

    public CommandOutcome<VersionedRef> delete(CommandContext context, ProductId id) {
        return executor.change(context, products, id, (product, transaction) -> product.delete(transaction.now()));
    }
}
