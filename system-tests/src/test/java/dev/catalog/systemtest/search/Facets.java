package dev.catalog.systemtest.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * A search's total and facet counts, in a shape both the API's answer and the write model's SQL can be put in, so
 * that the two compare with one {@code isEqualTo} (and a failure shows every difference).
 *
 * @param category counts per category id, each including every category below it
 * @param price    counts per price bucket, by the bucket's lower bound ({@code "0"}, {@code "10"}...), zeros included
 * @param inStock  counts for true and false, zeros included
 */
record Facets(long total, Map<String, Long> brand, Map<String, Long> category, Map<String, Long> price,
              Map<Boolean, Long> inStock, Map<String, Map<String, Long>> attributes) {

    /** What {@code GET /products/search} answered. */
    static Facets of(JsonNode page) {
        JsonNode facets = page.get("facets");
        Map<String, Long> brand = new TreeMap<>();
        facets.get("brand").forEach(count -> brand.put(count.get("value").asText(), count.get("count").asLong()));
        Map<String, Long> category = new TreeMap<>();
        facets.get("category").forEach(count -> category.put(count.get("id").asText(), count.get("count").asLong()));
        Map<String, Long> price = new TreeMap<>();
        facets.get("price").forEach(count -> price.put(count.get("from").asText(), count.get("count").asLong()));
        Map<Boolean, Long> inStock = new TreeMap<>();
        facets.get("inStock").forEach(count -> inStock.put(count.get("value").asBoolean(), count.get("count").asLong()));
        Map<String, Map<String, Long>> attributes = new TreeMap<>();
        facets.get("attributes").properties().forEach(attribute -> {
            Map<String, Long> values = new TreeMap<>();
            attribute.getValue().forEach(count -> values.put(count.get("value").asText(), count.get("count").asLong()));
            attributes.put(attribute.getKey(), values);
        });
        return new Facets(page.get("total").asLong(), brand, category, price, inStock, attributes);
    }
}
