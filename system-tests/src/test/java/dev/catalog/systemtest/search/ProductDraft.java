package dev.catalog.systemtest.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A product to create, built one property at a time: {@code aProduct("RUN-1", "Trail Run Shoe").brand("Stride")}. */
final class ProductDraft {

    private final String sku;
    private final String name;
    private String description;
    private String brand;
    private String categoryId;
    private String amount = "49.90";
    private String currency = "EUR";
    private final Map<String, String> attributes = new TreeMap<>();

    private ProductDraft(String sku, String name) {
        this.sku = sku;
        this.name = name;
    }

    static ProductDraft aProduct(String sku, String name) {
        return new ProductDraft(sku, name);
    }

    ProductDraft description(String text) {
        this.description = text;
        return this;
    }

    ProductDraft brand(String text) {
        this.brand = text;
        return this;
    }

    ProductDraft in(String category) {
        this.categoryId = category;
        return this;
    }

    ProductDraft price(String newAmount, String newCurrency) {
        this.amount = newAmount;
        this.currency = newCurrency;
        return this;
    }

    ProductDraft attribute(String attribute, String value) {
        attributes.put(attribute, value);
        return this;
    }

    String sku() {
        return sku;
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        if (brand != null) {
            body.put("brand", brand);
        }
        if (categoryId != null) {
            body.put("categoryId", categoryId);
        }
        body.put("price", Map.of("amount", amount, "currency", currency));
        body.put("attributes", attributes);
        return body;
    }
}
