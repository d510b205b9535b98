package dev.catalog.local.seed;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One product to create, with what happens to it next: discontinued, stocked in some warehouses.
 *
 * @param index        its position in its tenant's catalog: the same index always gives the same product
 * @param brand        null for an unbranded product
 * @param categoryPath the {@link CategorySeed#path()} it is filed under; null for an uncategorized product
 * @param price        an amount with exactly the currency's minor digits (19.99 EUR, 1500 JPY, 12.345 BHD)
 * @param stock        quantity per warehouse; empty when the product was never stocked
 */
public record ProductSeed(String tenant, int index, String sku, String name, String description, String brand,
                          String categoryPath, BigDecimal price, String currency, SortedMap<String, String> attributes,
                          Status status, SortedMap<String, Integer> stock) {

    /** A product is created DRAFT or ACTIVE; a DISCONTINUED one is created ACTIVE and then discontinued. */
    public enum Status { DRAFT, ACTIVE, DISCONTINUED }

    public ProductSeed {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(status, "status");
        attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
        stock = Collections.unmodifiableSortedMap(new TreeMap<>(stock));
    }

    public long stockTotal() {
        return stock.values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * The body of {@code POST /products} that creates it, filed under {@code categoryId} (null: uncategorized). A
     * discontinued product is created active, then discontinued: no product starts discontinued.
     */
    public Map<String, Object> createRequest(String categoryId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", name);
        body.put("description", description);
        if (brand != null) {
            body.put("brand", brand);
        }
        if (categoryId != null) {
            body.put("categoryId", categoryId);
        }
        // In a fixed order: a rerun must send the very same bytes for its Idempotency-Key to answer the first outcome.
        Map<String, Object> amount = new LinkedHashMap<>();
        amount.put("amount", price.toPlainString());
        amount.put("currency", currency);
        body.put("price", amount);
        body.put("attributes", attributes);
        body.put("status", status == Status.DRAFT ? "DRAFT" : "ACTIVE");
        return body;
    }
}
