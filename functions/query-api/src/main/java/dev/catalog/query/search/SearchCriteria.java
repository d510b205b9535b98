package dev.catalog.query.search;

import dev.catalog.domain.product.Gtin;
import dev.catalog.platform.json.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.UUID;

/**
 * What a search asks for, validated. Filters left out are null (single values) or empty (repeatable ones).
 *
 * @param text       the words searched for; null lists everything the filters let through
 * @param gtin       only the product with this GTIN (in any of its written forms); null for no such filter
 * @param category   the category to search in, with all its descendants
 * @param brands     any of these brands
 * @param attributes per attribute name, any of these values; every name must match
 * @param statuses   any of these product statuses; empty for every status
 * @param facets     whether to count the facets; a client paging on through results it has the facets of need not
 *                   pay for them again. Not part of the fingerprint: a cursor serves with or without them.
 * @param after      where the page starts: the sort values of the previous page's last product, or null for the first page
 */
record SearchCriteria(
        String text,
        Gtin gtin,
        UUID category,
        SortedSet<String> brands,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        Boolean inStock,
        SortedMap<String, SortedSet<String>> attributes,
        SortedSet<String> statuses,
        SearchSort sort,
        int limit,
        boolean facets,
        List<Object> after) {

    SearchCriteria {
        Objects.requireNonNull(brands, "brands");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(statuses, "statuses");
        Objects.requireNonNull(sort, "sort");
        brands = Collections.unmodifiableSortedSet(brands);
        attributes = Collections.unmodifiableSortedMap(attributes);
        statuses = Collections.unmodifiableSortedSet(statuses);
    }

    Optional<String> textQuery() {
        return Optional.ofNullable(text);
    }

    /**
     * Identifies the result list a cursor walks through: the tenant, every filter, the words and the order, but
     * not the page size or position. A cursor carries it, so it is refused by any other search.
     */
    String fingerprint(String tenant) {
        // As JSON: unambiguous whatever characters the values hold.
        String canonical = Json.write(Arrays.asList(tenant, text, gtin == null ? null : gtin.key(), Objects.toString(category, null), brands,
                plain(minPrice), plain(maxPrice), inStock, attributes, statuses, sort.wireName()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }
}
