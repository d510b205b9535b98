package dev.catalog.search.document;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param gtin            as written, for display; absent (not null) when the product has none, and always in indices
 *                        built from a definition without it (which refuses unmapped fields)
 * @param gtinKey         the GTIN's 14-digit form, for the exact search: a scan finds the product whichever length
 *                        it was written in
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
        String updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String gtin,
        @JsonInclude(JsonInclude.Include.NON_NULL) String gtinKey) {

    /**
     * @param value    the amount as a number, indexed as a scaled_float (exact to 3 decimals) for ranges and sorting
     * @param amount   the exact amount as written by the model ("19.90"), for display
     * @param currency ISO 4217 code
     */
    public record Price(BigDecimal value, String amount, String currency) {
    }

    public static ProductPart tombstone() {
        return new ProductPart(true, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** This part for an index whose definition has no GTIN. */
    public ProductPart withoutGtin() {
        return new ProductPart(deleted, sku, name, description, brand, categoryId, price, status, attributes, attributeFacets,
                createdAt, updatedAt, null, null);
    }
}
