package dev.catalog.command;

import dev.catalog.command.category.CategoryCommands;
import dev.catalog.command.category.CategoryStore;
import dev.catalog.command.execution.CommandExecutor;
import dev.catalog.command.inventory.InventoryCommands;
import dev.catalog.command.product.ProductCommands;
import dev.catalog.domain.shared.IdSource;
import dev.catalog.platform.config.Environment;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The write side's dependencies, built once per execution environment (the first request, or SnapStart's
 * snapshot) and shared by every invocation it serves.
 */
public final class CommandApi {

    private final IdSource ids;
    private final ProductCommands products;
    private final CategoryCommands categories;
    private final InventoryCommands inventory;

    public CommandApi(DataSource dataSource, Clock clock, IdSource ids) {
        this.ids = ids;
        CommandExecutor executor = new CommandExecutor(dataSource, clock, ids);
        CategoryStore categoryStore = new CategoryStore();
        this.products = new ProductCommands(executor, categoryStore);
        this.categories = new CategoryCommands(executor, categoryStore);
        this.inventory = new InventoryCommands(executor);
    }

    public static CommandApi instance() {
        return Holder.INSTANCE;
    }

    public IdSource ids() {
        return ids;
    }

    public ProductCommands products() {
        return products;
    }

    public CategoryCommands categories() {
        return categories;
    }

    public InventoryCommands inventory() {
        return inventory;
    }

    /** Lazy holder: built on first use, once, by the JVM's class initialization guarantees. */
    private static final class Holder {
        private static final CommandApi INSTANCE = new CommandApi(
                ConnectionPool.create(DatabaseSettings.fromEnvironment(),
                        Environment.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("command-api")),
                Clock.systemUTC(), IdSource.random());
    }
}
