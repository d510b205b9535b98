package dev.catalog.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.catalog.domain.category.CategoryCreated;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryMoved;
import dev.catalog.domain.category.CategoryName;
import dev.catalog.domain.category.CategoryRenamed;
import dev.catalog.domain.category.CategoryState;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.inventory.InventoryState;
import dev.catalog.domain.inventory.Quantity;
import dev.catalog.domain.inventory.StockLevelChanged;
import dev.catalog.domain.inventory.WarehouseCode;
import dev.catalog.domain.product.Attributes;
import dev.catalog.domain.product.Brand;
import dev.catalog.domain.product.Description;
import dev.catalog.domain.product.Gtin;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.ProductActivated;
import dev.catalog.domain.product.ProductCreated;
import dev.catalog.domain.product.ProductDeleted;
import dev.catalog.domain.product.ProductDetail;
import dev.catalog.domain.product.ProductDetailsChanged;
import dev.catalog.domain.product.ProductDiscontinued;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.product.ProductName;
import dev.catalog.domain.product.ProductPriceChanged;
import dev.catalog.domain.product.ProductState;
import dev.catalog.domain.product.ProductStatus;
import dev.catalog.domain.product.Sku;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Domain events to and from their wire form. The event type is the record's name; the payload is the current
 * schema version of that type ({@link EventSchemas}), whose shape is {@link Payloads}. Older versions are read
 * through the upcasters, so the rest of the code only ever sees the current shape. The write side encodes, every
 * projection decodes, with this one class, and the JSON samples in the tests (per type and version) pin the format
 * in between.
 */
public final class EventCodec {

    /** The type names of every domain event, from the sealed hierarchy. */
    private static final Set<String> EVENT_TYPES = Stream.of(ProductEvent.class, CategoryEvent.class, InventoryEvent.class)
            .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
            .map(Class::getSimpleName)
            .collect(Collectors.toUnmodifiableSet());

    private EventCodec() {
    }

    public static EncodedEvent encode(DomainEvent event) {
        Object payload = switch (event) {
            case ProductEvent product -> productPayload(product);
            case CategoryEvent category -> categoryPayload(category);
            case InventoryEvent inventory -> inventoryPayload(inventory);
        };
        String eventType = event.getClass().getSimpleName();
        return new EncodedEvent(eventType, EventSchemas.CURRENT.currentVersion(eventType), Json.write(payload));
    }

    /**
     * The domain event an envelope and its payload describe, in the current shape whatever version wrote it.
     *
     * @throws UnknownSchemaVersionException written by a newer release: retry once it is deployed, never drop it
     * @throws UndecodableEventException      poison: an unknown type or a payload that breaks its contract
     */
    public static DomainEvent decode(String eventType, int schemaVersion, TenantId tenant, String payload)
            throws UndecodableEventException, UnknownSchemaVersionException {
        return decode(EventSchemas.CURRENT, eventType, schemaVersion, tenant, payload);
    }

    /** {@link #decode(String, int, TenantId, String)} with the given schemas (a test's next release). */
    public static DomainEvent decode(EventSchemas schemas, String eventType, int schemaVersion, TenantId tenant, String payload)
            throws UndecodableEventException, UnknownSchemaVersionException {
        if (!EVENT_TYPES.contains(eventType)) {
            // Poison at any version: waiting would block the partition for good on a record no release wrote.
            throw new UndecodableEventException("unknown event type " + eventType);
        }
        if (schemaVersion == schemas.currentVersion(eventType)) {
            // Most of the log, and all of a new one: bound straight from the text, as fast as before versions.
            return decodeCurrent(eventType, tenant, new Text(payload));
        }
        JsonNode tree;
        try {
            tree = Json.parse(payload);
        } catch (JsonProcessingException e) {
            throw new UndecodableEventException("payload of " + eventType + " is not JSON: " + e.getOriginalMessage(), e);
        }
        return decodeCurrent(eventType, tenant, new Tree(schemas.upcast(eventType, schemaVersion, tree)));
    }

    private static DomainEvent decodeCurrent(String eventType, TenantId tenant, CurrentPayload payload)
            throws UndecodableEventException {
        try {
            return switch (eventType) {
                case "ProductCreated" -> new ProductCreated(product(tenant, read(payload, Payloads.ProductCreated.class).product()));
                case "ProductDetailsChanged" -> {
                    var p = read(payload, Payloads.ProductDetailsChanged.class);
                    yield new ProductDetailsChanged(product(tenant, p.product()), details(p.changed()));
                }
                case "ProductPriceChanged" -> {
                    var p = read(payload, Payloads.ProductPriceChanged.class);
                    yield new ProductPriceChanged(product(tenant, p.product()), price(p.previousPrice()));
                }
                case "ProductActivated" -> new ProductActivated(product(tenant, read(payload, Payloads.ProductActivated.class).product()));
                case "ProductDiscontinued" -> {
                    var p = read(payload, Payloads.ProductDiscontinued.class);
                    yield new ProductDiscontinued(product(tenant, p.product()), ProductStatus.valueOf(p.previousStatus()));
                }
                case "ProductDeleted" -> new ProductDeleted(product(tenant, read(payload, Payloads.ProductDeleted.class).product()));
                case "CategoryCreated" -> new CategoryCreated(category(tenant, read(payload, Payloads.CategoryCreated.class).category()));
                case "CategoryRenamed" -> {
                    var p = read(payload, Payloads.CategoryRenamed.class);
                    yield new CategoryRenamed(category(tenant, p.category()), new CategoryName(p.previousName()));
                }
                case "CategoryMoved" -> {
                    var p = read(payload, Payloads.CategoryMoved.class);
                    yield new CategoryMoved(category(tenant, p.category()), categoryId(p.previousParentId()));
                }
                case "StockLevelChanged" -> {
                    var p = read(payload, Payloads.StockLevelChanged.class);
                    yield new StockLevelChanged(inventory(tenant, p.inventory()), new WarehouseCode(p.warehouse()),
                            new Quantity(p.previousQuantity()));
                }
                default -> throw new UndecodableEventException("unknown event type " + eventType);
            };
        } catch (JsonProcessingException e) {
            throw new UndecodableEventException("payload of " + eventType + " is not what its type promises: "
                    + e.getOriginalMessage(), e);
        } catch (InvalidValueException | IllegalArgumentException | NullPointerException e) {
            throw new UndecodableEventException("payload of " + eventType + " holds an invalid value: " + e.getMessage(), e);
        }
    }

    private static Object productPayload(ProductEvent event) {
        Payloads.Product product = product(event.product());
        return switch (event) {
            case ProductCreated created -> new Payloads.ProductCreated(product);
            case ProductDetailsChanged changed -> new Payloads.ProductDetailsChanged(product,
                    changed.changed().stream().sorted().map(detail -> detail.name().toLowerCase(Locale.ROOT)).toList());
            case ProductPriceChanged repriced -> new Payloads.ProductPriceChanged(product, price(repriced.previousPrice()));
            case ProductActivated activated -> new Payloads.ProductActivated(product);
            case ProductDiscontinued discontinued -> new Payloads.ProductDiscontinued(product, discontinued.previousStatus().name());
            case ProductDeleted deleted -> new Payloads.ProductDeleted(product);
        };
    }

    private static Object categoryPayload(CategoryEvent event) {
        Payloads.Category category = category(event.category());
        return switch (event) {
            case CategoryCreated created -> new Payloads.CategoryCreated(category);
            case CategoryRenamed renamed -> new Payloads.CategoryRenamed(category, renamed.previousName().value());
            case CategoryMoved moved -> new Payloads.CategoryMoved(category, idOrNull(moved.previousParentId()));
        };
    }

    private static Object inventoryPayload(InventoryEvent event) {
        return switch (event) {
            case StockLevelChanged changed -> new Payloads.StockLevelChanged(inventory(changed.inventory()),
                    changed.warehouse().value(), changed.previousQuantity().value());
        };
    }

    private static Payloads.Product product(ProductState state) {
        return new Payloads.Product(state.id().toString(), state.sku().value(),
                state.gtin() == null ? null : state.gtin().value(), state.name().value(),
                state.description() == null ? null : state.description().value(),
                state.brand() == null ? null : state.brand().value(),
                idOrNull(state.categoryId()), price(state.price()), state.status().name(),
                state.attributes().values(), state.version(), state.createdAt().toString(), state.updatedAt().toString());
    }

    private static ProductState product(TenantId tenant, Payloads.Product p) {
        Objects.requireNonNull(p, "product");
        return new ProductState(tenant, new ProductId(UUID.fromString(p.id())), new Sku(p.sku()),
                p.gtin() == null ? null : new Gtin(p.gtin()), new ProductName(p.name()),
                p.description() == null ? null : new Description(p.description()),
                p.brand() == null ? null : new Brand(p.brand()),
                categoryId(p.categoryId()), price(p.price()), ProductStatus.valueOf(p.status()),
                Attributes.of(p.attributes() == null ? Map.of() : p.attributes()), p.version(),
                Instant.parse(p.createdAt()), Instant.parse(p.updatedAt()));
    }

    private static Payloads.Category category(CategoryState state) {
        return new Payloads.Category(state.id().toString(), state.name().value(), idOrNull(state.parentId()),
                state.version(), state.createdAt().toString(), state.updatedAt().toString());
    }

    private static CategoryState category(TenantId tenant, Payloads.Category c) {
        Objects.requireNonNull(c, "category");
        return new CategoryState(tenant, new CategoryId(UUID.fromString(c.id())), new CategoryName(c.name()),
                categoryId(c.parentId()), c.version(), Instant.parse(c.createdAt()), Instant.parse(c.updatedAt()));
    }

    private static Payloads.Inventory inventory(InventoryState state) {
        Map<String, Long> levels = new LinkedHashMap<>();
        state.levels().forEach((warehouse, quantity) -> levels.put(warehouse.value(), quantity.value()));
        return new Payloads.Inventory(state.productId().toString(), levels, state.version(), state.updatedAt().toString());
    }

    private static InventoryState inventory(TenantId tenant, Payloads.Inventory i) {
        Objects.requireNonNull(i, "inventory");
        TreeMap<WarehouseCode, Quantity> levels = new TreeMap<>();
        i.levels().forEach((warehouse, quantity) -> levels.put(new WarehouseCode(warehouse), new Quantity(quantity)));
        return new InventoryState(tenant, new ProductId(UUID.fromString(i.productId())), levels, i.version(),
                Instant.parse(i.updatedAt()));
    }

    private static Payloads.Price price(Price price) {
        return new Payloads.Price(price.amount().toPlainString(), price.currency().getCurrencyCode());
    }

    private static Price price(Payloads.Price p) {
        Objects.requireNonNull(p, "price");
        return Price.of(new BigDecimal(p.amount()), p.currency());
    }

    private static Set<ProductDetail> details(List<String> names) {
        return names.stream().map(name -> ProductDetail.valueOf(name.toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
    }

    private static CategoryId categoryId(String id) {
        return id == null ? null : new CategoryId(UUID.fromString(id));
    }

    private static String idOrNull(CategoryId id) {
        return id == null ? null : id.toString();
    }

    /** Properties a newer producer added within the same schema version are ignored: adding is compatible. */
    private static final ObjectReader READER = Json.mapper().reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static <T> T read(CurrentPayload payload, Class<T> type) throws JsonProcessingException {
        return switch (payload) {
            case Text text -> READER.forType(type).readValue(text.json());
            case Tree tree -> READER.treeToValue(tree.json(), type);
        };
    }

    /** A payload in the current version: as written, or as the upcasters rewrote it. */
    private sealed interface CurrentPayload {
    }

    private record Text(String json) implements CurrentPayload {
    }

    private record Tree(JsonNode json) implements CurrentPayload {
    }
}
