package dev.catalog.query.search;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@code GET /products/search}.
 *
 * @param total      how many products match the words and every filter
 * @param facets     null when the search asked for none ({@code facets=false})
 * @param nextCursor where the next page starts; null on the last page
 */
record SearchPage(long total, List<Item> items, Facets facets, String nextCursor) {

    /**
     * A product as search shows it.
     *
     * @param gtin       as written; null when the product has none (or the LIVE index was built before GTINs)
     * @param category   null when the product has none
     * @param highlights the matched words of the name and description, HTML-escaped, each within {@code <em>};
     *                   empty without {@code q}
     * @param version    the product's version, as {@code minVersion} and {@code If-Match} take it
     */
    record Item(String id, String sku, String gtin, String name, String description, String brand, CategoryRef category,
                Money price, String status, Map<String, String> attributes, long stockTotal, boolean inStock,
                String createdAt, String updatedAt, long version, Map<String, List<String>> highlights) {
    }

    /**
     * @param name null while the category registry has not seen the category
     * @param path from the root category down to this one, both included
     */
    record CategoryRef(String id, String name, List<CategoryTree.Node> path) {
    }

    record Money(String amount, String currency) {
    }

    /**
     * Counts per facet value. Category, brand and attribute facets list the values that occur; price and stock
     * list every bucket, zero counts included, so a client can draw the same controls for every search.
     */
    record Facets(List<CategoryCount> category, List<ValueCount> brand, List<PriceCount> price,
                  List<StockCount> inStock, Map<String, List<ValueCount>> attributes) {
    }

    /** @param count products in this category and every category below it */
    record CategoryCount(String id, String name, String parentId, long count) {
    }

    record ValueCount(String value, long count) {
    }

    /** @param from included; @param to excluded, null for no upper bound */
    record PriceCount(String from, String to, long count) {
    }

    record StockCount(boolean value, long count) {
    }
}
