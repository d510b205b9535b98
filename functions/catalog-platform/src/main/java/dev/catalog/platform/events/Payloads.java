package dev.catalog.platform.events;

import java.util.List;
import java.util.Map;

/**
 * The JSON payloads of the current schema versions (2 for the events carrying a product, 1 for the others; older
 * versions are rewritten into these by {@link EventSchemas}). These records ARE the wire contract: renaming a component changes what
 * every consumer reads, so the samples under src/test/resources/events pin them.
 */
final class Payloads {

    private Payloads() {
    }

    record Price(String amount, String currency) {
    }

    /** @param gtin since version 2; null for none */
    record Product(String id, String sku, String gtin, String name, String description, String brand, String categoryId,
                   Price price, String status, Map<String, String> attributes, long version,
                   String createdAt, String updatedAt) {
    }

    record Category(String id, String name, String parentId, long version, String createdAt, String updatedAt) {
    }

    record Inventory(String productId, Map<String, Long> levels, long version, String updatedAt) {
    }

    record ProductCreated(Product product) {
    }

    record ProductDetailsChanged(Product product, List<String> changed) {
    }

    record ProductPriceChanged(Product product, Price previousPrice) {
    }

    record ProductActivated(Product product) {
    }

    record ProductDiscontinued(Product product, String previousStatus) {
    }

    record ProductDeleted(Product product) {
    }

    record CategoryCreated(Category category) {
    }

    record CategoryRenamed(Category category, String previousName) {
    }

    record CategoryMoved(Category category, String previousParentId) {
    }

    record StockLevelChanged(Inventory inventory, String warehouse, long previousQuantity) {
    }
}
