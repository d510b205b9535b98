package dev.catalog.local.bench;

import dev.catalog.domain.category.Category;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryName;
import dev.catalog.domain.category.CategoryState;
import dev.catalog.domain.category.CategoryTree;
import dev.catalog.domain.inventory.Inventory;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.inventory.Quantity;
import dev.catalog.domain.inventory.WarehouseCode;
import dev.catalog.domain.product.Attributes;
import dev.catalog.domain.product.Brand;
import dev.catalog.domain.product.Description;
import dev.catalog.domain.product.NewProduct;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.Product;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.product.ProductName;
import dev.catalog.domain.product.ProductRevision;
import dev.catalog.domain.product.ProductState;
import dev.catalog.domain.product.ProductStatus;
import dev.catalog.domain.product.Sku;
import dev.catalog.domain.shared.Change;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.events.OutboxWriter;
import dev.catalog.platform.json.Json;
import dev.catalog.local.services.postgres.PostgresConnection;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Writes a large event log fast, for the rebuild benchmark: the aggregates decide exactly as the command functions
 * make them, and their events and final state go into the outbox and the write tables in JDBC batches (what
 * thousands of commands would have written, without the HTTP round trips). Every product gets a history: created,
 * revised, repriced, activated, stock counted in several warehouses.
 */
final class EventLogGenerator {

    private static final String[] WORDS = {"Trail", "Running", "Shoe", "Jacket", "Wool", "Crème", "Organic", "Leather",
            "Ultra", "Light", "Classic", "Waterproof", "Merino", "Carbon", "Vintage", "Smart", "Solar", "Thermal"};
    private static final String[] BRANDS = {"Stride", "Nordlys", "Kestrel", "Atelier Roux", "Peak & Pine", "Lumen"};
    private static final String[] COLORS = {"blue", "red", "black", "green", "sand", "white"};
    private static final int CATEGORIES_PER_TENANT = 30;
    private static final String CORRELATION_ID = "bench-rebuild";

    private final Random random;
    private final Instant now = Instant.now();

    EventLogGenerator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Writes {@code products} products over {@code tenants} tenants, about {@code eventsPerProduct} events each.
     *
     * @return events written
     */
    long write(PostgresConnection database, int tenants, int products, int eventsPerProduct, LongConsumer progress) throws SQLException {
        long events = 0;
        for (int t = 0; t < tenants; t++) {
            long before = events;
            events += write(database, new TenantId("bench-" + UUID.randomUUID().toString().substring(0, 6)), products / tenants,
                    eventsPerProduct, done -> progress.accept(before + done));
        }
        return events;
    }

    /**
     * Writes {@code products} products of one tenant, about {@code eventsPerProduct} events each, committed every
     * few thousand events.
     *
     * @return events written
     */
    long write(PostgresConnection database, TenantId tenant, int products, int eventsPerProduct, LongConsumer progress)
            throws SQLException {
        long events = 0;
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            Batch batch = new Batch(connection);
            List<CategoryId> categories = categories(tenant, batch);
            for (int p = 0; p < products; p++) {
                history(tenant, categories, eventsPerProduct, batch);
                if (batch.size() >= 5_000) {
                    events += batch.flush();
                    progress.accept(events);
                }
            }
            events += batch.flush();
            progress.accept(events);
        }
        return events;
    }

    private List<CategoryId> categories(TenantId tenant, Batch batch) throws SQLException {
        List<CategoryId> ids = new ArrayList<>();
        Map<CategoryId, CategoryId> parents = new LinkedHashMap<>();
        for (int c = 0; c < CATEGORIES_PER_TENANT; c++) {
            CategoryId id = new CategoryId(UUID.randomUUID());
            CategoryId parent = c < 5 ? null : ids.get(random.nextInt(Math.min(c, 10)));
            CategoryTree tree = CategoryTree.ofPaths(candidate -> parents.containsKey(candidate) || ids.contains(candidate)
                    ? Optional.of(List.of(candidate)) : Optional.empty());
            CategoryEvent created = accepted(Category.create(tenant, id, new CategoryName("Category " + c + " " + word()), parent, tree, now));
            batch.category(created.category());
            batch.event(created);
            ids.add(id);
            parents.put(id, parent);
        }
        return ids;
    }

    private void history(TenantId tenant, List<CategoryId> categories, int eventsPerProduct, Batch batch) throws SQLException {
        CategoryTree tree = CategoryTree.ofPaths(id -> categories.contains(id) ? Optional.of(List.of(id)) : Optional.empty());
        ProductId id = new ProductId(UUID.randomUUID());
        ProductEvent created = accepted(Product.create(tenant, new NewProduct(id, new Sku("SKU-" + id.value().toString().substring(0, 13)), null,
                new ProductName(word() + " " + word() + " " + word()), new Description("A " + word().toLowerCase() + " product for the benchmark."),
                new Brand(BRANDS[random.nextInt(BRANDS.length)]), categories.get(random.nextInt(categories.size())),
                price(), Attributes.of(Map.of("color", COLORS[random.nextInt(COLORS.length)])), ProductStatus.DRAFT), tree, now));
        batch.event(created);
        Product product = Product.from(created.product());
        Inventory inventory = Inventory.none(tenant, id);
        for (int e = 1; e < eventsPerProduct; e++) {
            switch (e % 4) {
                case 0 -> product = apply(product, product.revise(new ProductRevision(
                        Change.setTo(new ProductName(word() + " " + word())), Change.keep(), Change.keep(),
                        Change.setTo(categories.get(random.nextInt(categories.size()))), Change.keep(), Change.keep()), tree, now), batch);
                case 1 -> product = apply(product, product.changePrice(price(), now), batch);
                case 2 -> product = product.state().status() == ProductStatus.DRAFT
                        ? apply(product, product.activate(now), batch)
                        : apply(product, product.changePrice(price(), now), batch);
                default -> {
                    Decision<InventoryEvent> decision = inventory.setStock(new WarehouseCode("W" + random.nextInt(4)),
                            new Quantity(random.nextInt(50)), now);
                    if (decision instanceof Decision.Accepted<InventoryEvent> accepted) {
                        for (InventoryEvent event : accepted.events()) {
                            batch.event(event);
                            inventory = inventory.apply(event);
                        }
                    }
                }
            }
        }
        batch.product(product.state());
        batch.inventory(inventory);
    }

    private static Product apply(Product product, Decision<ProductEvent> decision, Batch batch) {
        if (decision instanceof Decision.Accepted<ProductEvent> accepted) {
            for (ProductEvent event : accepted.events()) {
                batch.event(event);
                product = product.apply(event);
            }
        }
        return product;
    }

    private Price price() {
        return Price.of(BigDecimal.valueOf(random.nextInt(50_000) + 100, 2), random.nextInt(5) == 0 ? "USD" : "EUR");
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static <E> E accepted(Decision<E> decision) {
        if (decision instanceof Decision.Accepted<E> accepted && !accepted.events().isEmpty()) {
            return accepted.events().getFirst();
        }
        throw new IllegalStateException("the generator asked for something the model refused: " + decision);
    }

    /** Rows waiting for one JDBC batch per table, written in one transaction. */
    private static final class Batch {
        private final Connection connection;
        private final OutboxWriter outbox;
        private final PreparedStatement products;
        private final PreparedStatement categories;
        private final PreparedStatement inventories;
        private final PreparedStatement levels;
        private final List<Inventory> pendingInventories = new ArrayList<>();

        Batch(Connection connection) throws SQLException {
            this.connection = connection;
            this.outbox = new OutboxWriter(connection);
            this.products = connection.prepareStatement("""
                    insert into product (tenant_id, id, sku, name, description, brand, category_id, price_amount, price_currency,
                                         status, attributes, version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""");
            this.categories = connection.prepareStatement("""
                    insert into category (tenant_id, id, name, parent_id, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)""");
            this.inventories = connection.prepareStatement(
                    "insert into inventory (tenant_id, product_id, version, updated_at) values (?, ?, ?, ?)");
            this.levels = connection.prepareStatement(
                    "insert into stock_level (tenant_id, product_id, warehouse, quantity) values (?, ?, ?, ?)");
        }

        int size() {
            return outbox.pending();
        }

        void event(DomainEvent event) {
            try {
                outbox.add(UUID.randomUUID(), event, CORRELATION_ID);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        void category(CategoryState category) throws SQLException {
            categories.setString(1, category.tenant().value());
            categories.setObject(2, category.id().value());
            categories.setString(3, category.name().value());
            categories.setObject(4, category.parentId() == null ? null : category.parentId().value(), Types.OTHER);
            categories.setLong(5, category.version());
            categories.setTimestamp(6, Timestamp.from(category.createdAt()));
            categories.setTimestamp(7, Timestamp.from(category.updatedAt()));
            categories.addBatch();
        }

        void product(ProductState product) throws SQLException {
            products.setString(1, product.tenant().value());
            products.setObject(2, product.id().value());
            products.setString(3, product.sku().value());
            products.setString(4, product.name().value());
            products.setString(5, product.description() == null ? null : product.description().value());
            products.setString(6, product.brand() == null ? null : product.brand().value());
            products.setObject(7, product.categoryId() == null ? null : product.categoryId().value(), Types.OTHER);
            products.setBigDecimal(8, product.price().amount());
            products.setString(9, product.price().currency().getCurrencyCode());
            products.setString(10, product.status().name());
            products.setString(11, Json.write(product.attributes().values()));
            products.setLong(12, product.version());
            products.setTimestamp(13, Timestamp.from(product.createdAt()));
            products.setTimestamp(14, Timestamp.from(product.updatedAt()));
            products.addBatch();
        }

        /** After its product: stock rows reference it. */
        void inventory(Inventory inventory) {
            if (inventory.version() > 0) {
                pendingInventories.add(inventory);
            }
        }

        long flush() throws SQLException {
            categories.executeBatch();
            products.executeBatch();
            for (Inventory inventory : pendingInventories) {
                var state = inventory.state();
                inventories.setString(1, state.tenant().value());
                inventories.setObject(2, state.productId().value());
                inventories.setLong(3, state.version());
                inventories.setTimestamp(4, Timestamp.from(state.updatedAt()));
                inventories.addBatch();
                for (var level : state.levels().entrySet()) {
                    levels.setString(1, state.tenant().value());
                    levels.setObject(2, state.productId().value());
                    levels.setString(3, level.getKey().value());
                    levels.setLong(4, level.getValue().value());
                    levels.addBatch();
                }
            }
            inventories.executeBatch();
            levels.executeBatch();
            int written = outbox.flush();
            connection.commit();
            pendingInventories.clear();
            return written;
        }
    }
}
