package dev.catalog.projection.search;

import dev.catalog.domain.category.CategoryCreated;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.category.CategoryMoved;
import dev.catalog.domain.category.CategoryRenamed;
import dev.catalog.domain.category.CategoryState;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.inventory.InventoryState;
import dev.catalog.domain.inventory.StockLevelChanged;
import dev.catalog.domain.product.ProductActivated;
import dev.catalog.domain.product.ProductCreated;
import dev.catalog.domain.product.ProductDeleted;
import dev.catalog.domain.product.ProductDetailsChanged;
import dev.catalog.domain.product.ProductDiscontinued;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductPriceChanged;
import dev.catalog.domain.product.ProductState;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.search.document.AttributeFacets;
import dev.catalog.search.document.CategoryDocument;
import dev.catalog.search.document.InventoryPart;
import dev.catalog.search.document.ProductPart;
import dev.catalog.search.index.SearchIndices;
import java.util.List;

/**
 * What an event writes: one part of one search document, replacing that part only if the document holds it at
 * an older aggregate version. Events are fat, so each part is the aggregate's whole state after the event.
 *
 * @param idField the document's own id property ({@code productId}, {@code categoryId})
 * @param part    the part's property, and its key in the document's {@code versions}
 */
record PartWrite(Index index, String documentId, String tenantId, String idField, String part, long version, Object content) {

    enum Index {
        PRODUCTS, CATEGORIES;

        String in(SearchIndices target) {
            return switch (this) {
                case PRODUCTS -> target.products();
                case CATEGORIES -> target.categories();
            };
        }
    }

    /** @param withGtin whether the target's definition maps the GTIN (indices built before it refuse it) */
    static PartWrite of(DomainEvent event, boolean withGtin) {
        return switch (event) {
            case ProductEvent product -> ofProduct(product, withGtin);
            case CategoryEvent category -> ofCategory(category);
            case InventoryEvent inventory -> ofInventory(inventory);
        };
    }

    private static PartWrite ofProduct(ProductEvent event, boolean withGtin) {
        ProductPart part = switch (event) {
            case ProductCreated created -> productPart(created.product());
            case ProductDetailsChanged changed -> productPart(changed.product());
            case ProductPriceChanged repriced -> productPart(repriced.product());
            case ProductActivated activated -> productPart(activated.product());
            case ProductDiscontinued discontinued -> productPart(discontinued.product());
            case ProductDeleted deleted -> ProductPart.tombstone();
        };
        if (!withGtin) {
            part = part.withoutGtin();
        }
        return new PartWrite(Index.PRODUCTS, event.aggregateId(), event.tenant().value(), "productId", "product",
                event.aggregateVersion(), part);
    }

    private static PartWrite ofInventory(InventoryEvent event) {
        InventoryPart part = switch (event) {
            case StockLevelChanged changed -> inventoryPart(changed.inventory());
        };
        return new PartWrite(Index.PRODUCTS, event.aggregateId(), event.tenant().value(), "productId", "inventory",
                event.aggregateVersion(), part);
    }

    private static PartWrite ofCategory(CategoryEvent event) {
        CategoryDocument.CategoryPart part = switch (event) {
            case CategoryCreated created -> categoryPart(created.category());
            case CategoryRenamed renamed -> categoryPart(renamed.category());
            case CategoryMoved moved -> categoryPart(moved.category());
        };
        return new PartWrite(Index.CATEGORIES, event.aggregateId(), event.tenant().value(), "categoryId", "category",
                event.aggregateVersion(), part);
    }

    private static ProductPart productPart(ProductState product) {
        List<String> facets = product.attributes().values().entrySet().stream()
                .map(attribute -> AttributeFacets.keyword(attribute.getKey(), attribute.getValue()))
                .toList();
        return new ProductPart(false,
                product.sku().value(),
                product.name().value(),
                product.description() == null ? null : product.description().value(),
                product.brand() == null ? null : product.brand().value(),
                product.categoryId() == null ? null : product.categoryId().toString(),
                new ProductPart.Price(product.price().amount(), product.price().amount().toPlainString(),
                        product.price().currency().getCurrencyCode()),
                product.status().name(),
                product.attributes().values(),
                facets,
                product.createdAt().toString(),
                product.updatedAt().toString(),
                product.gtin() == null ? null : product.gtin().value(),
                product.gtin() == null ? null : product.gtin().key());
    }

    private static InventoryPart inventoryPart(InventoryState inventory) {
        return new InventoryPart(inventory.total(), inventory.total() > 0);
    }

    private static CategoryDocument.CategoryPart categoryPart(CategoryState category) {
        return new CategoryDocument.CategoryPart(category.name().value(),
                category.parentId() == null ? null : category.parentId().toString());
    }
}
