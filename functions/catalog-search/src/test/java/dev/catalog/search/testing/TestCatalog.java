package dev.catalog.search.testing;

import dev.catalog.domain.category.Category;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryName;
import dev.catalog.domain.category.CategoryTree;
import dev.catalog.domain.inventory.Inventory;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.inventory.Quantity;
import dev.catalog.domain.inventory.WarehouseCode;
import dev.catalog.domain.product.Attributes;
import dev.catalog.domain.product.Brand;
import dev.catalog.domain.product.Description;
import dev.catalog.domain.product.Gtin;
import dev.catalog.domain.product.NewProduct;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.Product;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.product.ProductName;
import dev.catalog.domain.product.ProductRevision;
import dev.catalog.domain.product.ProductStatus;
import dev.catalog.domain.product.Sku;
import dev.catalog.domain.shared.Change;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.events.EncodedEvent;
import dev.catalog.platform.events.EventCodec;
import dev.catalog.platform.events.EventEnvelope;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.events.UndecodableEventException;
import dev.catalog.platform.events.UnknownSchemaVersionException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One tenant's catalog, changed through the domain's own aggregates: every method runs a command and answers
 * the event it produced; {@link #batch} delivers events as the log would. Each event happens one second after the
 * previous one, so creation order is also {@code createdAt} order.
 */
public final class TestCatalog {

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final TenantId tenant;
    private final Map<CategoryId, Category> categories = new HashMap<>();
    private final Map<ProductId, Product> products = new HashMap<>();
    private final Map<ProductId, Inventory> inventories = new HashMap<>();
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");

    public TestCatalog(String tenant) {
        this.tenant = new TenantId(tenant);
    }

    public TenantId tenant() {
        return tenant;
    }

    public CategoryEvent createCategory(String name, CategoryId parent) {
        CategoryEvent created = accepted(Category.create(tenant, new CategoryId(UUID.randomUUID()), new CategoryName(name),
                parent, tree(), tick()));
        categories.put(created.category().id(), Category.from(created.category()));
        return created;
    }

    public CategoryEvent renameCategory(CategoryId id, String name) {
        return record(accepted(categories.get(id).rename(new CategoryName(name), tick())));
    }

    public CategoryEvent moveCategory(CategoryId id, CategoryId newParent) {
        return record(accepted(categories.get(id).moveTo(newParent, tree(), tick())));
    }

    public ProductDraft product(String sku, String name) {
        return new ProductDraft(sku, name);
    }

    public ProductEvent changePrice(ProductId id, String amount) {
        Product product = products.get(id);
        return record(accepted(product.changePrice(Price.of(new BigDecimal(amount), product.state().price().currency().getCurrencyCode()), tick())));
    }

    public ProductEvent rename(ProductId id, String name) {
        return record(accepted(products.get(id).revise(new ProductRevision(Change.setTo(new ProductName(name)),
                Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep()), tree(), tick())));
    }

    public ProductEvent moveProduct(ProductId id, CategoryId category) {
        return record(accepted(products.get(id).revise(new ProductRevision(Change.keep(), Change.keep(), Change.keep(),
                Change.setTo(category), Change.keep(), Change.keep()), tree(), tick())));
    }

    public ProductEvent discontinue(ProductId id) {
        return record(accepted(products.get(id).discontinue(tick())));
    }

    public ProductEvent delete(ProductId id) {
        ProductEvent deleted = accepted(products.get(id).delete(tick()));
        products.remove(id);
        return deleted;
    }

    public InventoryEvent setStock(ProductId id, String warehouse, long quantity) {
        Inventory inventory = inventories.getOrDefault(id, Inventory.none(tenant, id));
        InventoryEvent changed = accepted(inventory.setStock(new WarehouseCode(warehouse), new Quantity(quantity), tick()));
        inventories.put(id, inventory.apply(changed));
        return changed;
    }

    /** A batch of events as the log delivers them: encoded by the write side, decoded with their envelope. */
    public static List<LoggedEvent> batch(DomainEvent... events) {
        List<LoggedEvent> logged = new ArrayList<>();
        for (DomainEvent event : events) {
            logged.add(logged(event));
        }
        return logged;
    }

    public static LoggedEvent logged(DomainEvent event) {
        EncodedEvent encoded = EventCodec.encode(event);
        try {
            DomainEvent decoded = EventCodec.decode(encoded.eventType(), encoded.schemaVersion(), event.tenant(), encoded.payload());
            return new LoggedEvent(new EventEnvelope(UUID.randomUUID(), encoded.eventType(), encoded.schemaVersion(),
                    SEQUENCE.incrementAndGet(), event.tenant(), event.aggregateType().wireName(), event.aggregateId(),
                    event.aggregateVersion(), event.occurredAt(), null), decoded);
        } catch (UndecodableEventException | UnknownSchemaVersionException e) {
            throw new IllegalStateException("the codec cannot read what it wrote", e);
        }
    }

    /** A product to create: valid unless told otherwise (19.99 EUR, active, no brand, no category). */
    public final class ProductDraft {
        private final String sku;
        private final String name;
        private Gtin gtin;
        private String description;
        private String brand;
        private CategoryId category;
        private String amount = "19.99";
        private String currency = "EUR";
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private ProductStatus status = ProductStatus.ACTIVE;

        private ProductDraft(String sku, String name) {
            this.sku = sku;
            this.name = name;
        }

        public ProductDraft gtin(String gtin) {
            this.gtin = new Gtin(gtin);
            return this;
        }

        public ProductDraft description(String description) {
            this.description = description;
            return this;
        }

        public ProductDraft brand(String brand) {
            this.brand = brand;
            return this;
        }

        public ProductDraft category(CategoryId category) {
            this.category = category;
            return this;
        }

        public ProductDraft price(String amount) {
            this.amount = amount;
            return this;
        }

        public ProductDraft price(String amount, String currency) {
            this.amount = amount;
            this.currency = currency;
            return this;
        }

        public ProductDraft attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        public ProductDraft draft() {
            this.status = ProductStatus.DRAFT;
            return this;
        }

        public ProductEvent create() {
            NewProduct command = new NewProduct(new ProductId(UUID.randomUUID()), new Sku(sku), gtin, new ProductName(name),
                    description == null ? null : new Description(description), brand == null ? null : new Brand(brand),
                    category, Price.of(new BigDecimal(amount), currency), Attributes.of(attributes), status);
            ProductEvent created = accepted(Product.create(tenant, command, tree(), tick()));
            products.put(created.product().id(), Product.from(created.product()));
            return created;
        }
    }

    private CategoryEvent record(CategoryEvent event) {
        categories.put(event.category().id(), Category.from(event.category()));
        return event;
    }

    private ProductEvent record(ProductEvent event) {
        products.put(event.product().id(), Product.from(event.product()));
        return event;
    }

    private CategoryTree tree() {
        return new CategoryTree() {
            @Override
            public Optional<List<CategoryId>> pathTo(CategoryId id) {
                List<CategoryId> path = new ArrayList<>();
                for (CategoryId at = id; at != null; at = categories.get(at).state().parentId()) {
                    if (!categories.containsKey(at)) {
                        return Optional.empty();
                    }
                    path.addFirst(at);
                }
                return Optional.of(path);
            }

            @Override
            public int levelsBelow(CategoryId id) {
                return categories.keySet().stream().map(this::pathTo).flatMap(Optional::stream)
                        .filter(path -> path.contains(id))
                        .mapToInt(path -> path.size() - 1 - path.indexOf(id)).max().orElse(0);
            }
        };
    }

    private Instant tick() {
        now = now.plus(Duration.ofSeconds(1));
        return now;
    }

    private static <E> E accepted(Decision<E> decision) {
        return switch (decision) {
            case Decision.Accepted<E> accepted when accepted.events().size() == 1 -> accepted.events().getFirst();
            case Decision.Accepted<E> accepted -> throw new IllegalStateException("expected one event, got " + accepted.events());
            case Decision.Rejected<E> rejected -> throw new IllegalStateException("the model refused: " + rejected.rejection());
        };
    }
}
