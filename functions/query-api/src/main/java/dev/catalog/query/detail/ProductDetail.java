package dev.catalog.query.detail;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.catalog.query.category.PathElement;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /products/{id}}: a product as a detail page shows it.
 *
 * @param gtin null when the product has none, or while the LIVE read model is one built before GTINs
 */
public record ProductDetail(String id, String sku, String gtin, String name, String description, String brand, String status,
                            Price price, Map<String, String> attributes, Category category, Stock stock,
                            boolean inStock, long version, String createdAt, String updatedAt) {

    public record Price(String amount, String currency) {
    }

    /** @param path from the root down to this category, both included */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Category(String id, String name, List<PathElement> path) {
    }

    /** @param version the inventory's own version, what {@code If-Match} on {@code PUT .../stock/...} compares */
    public record Stock(Map<String, Long> warehouses, long total, long version) {
    }
}
