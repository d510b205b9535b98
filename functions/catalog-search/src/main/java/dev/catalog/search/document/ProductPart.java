package dev.catalog.search.document;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The product part of a search document: the product's state at one version, replaced whole by a newer one.
 * A deleted product keeps a tombstone ({@code deleted}, nothing else), so a late event of an older version, or
 * of the product's stock, finds it and cannot bring it back.
 *
 * @param attributes      for display only (not indexed: per-tenant names would grow the mapping without bound)
 * @param attributeFacets the attributes as {@code name=value} keywords, for filters and facets; see {@link AttributeFacets}
 * @param createdAt       ISO-8601 instant
 */
public record ProductPart(
        boolean deleted,
        String sku,
        String name,
        String description,
        String brand,
        String categoryId,
        Price price,
        String status,
        Map<String, String> attributes,
        List<String> attributeFacets,
        String createdAt,
        String updatedAt) {

    /**
     * @param value    the amount as a number, indexed as a scaled_float (exact to 3 decimals) for ranges and sorting
     * @param amount   the exact amount as written by the model ("19.90"), for display
     * @param currency ISO 4217 code
     */
    public record Price(BigDecimal value, String amount, String currency) {
    }

    public static ProductPart tombstone() {
        return new ProductPart(true, null, null, null, null, null, null, null, null, null, null, null);
    }
}
