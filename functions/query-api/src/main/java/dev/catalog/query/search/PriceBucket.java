package dev.catalog.query.search;

import java.math.BigDecimal;
import java.util.List;

/**
 * One fixed range of the price facet: {@code from} included, {@code to} excluded, as OpenSearch's range
 * aggregation counts them. The ranges are the same for every search, so a client can draw stable controls.
 *
 * @param to null for the open-ended last range
 */
record PriceBucket(BigDecimal from, BigDecimal to) {

    static final List<PriceBucket> ALL = List.of(
            of("0", "10"), of("10", "25"), of("25", "50"), of("50", "100"), of("100", "250"),
            of("250", "500"), of("500", "1000"), new PriceBucket(new BigDecimal("1000"), null));

    /** The bucket's name in the aggregation. */
    String key() {
        return from.toPlainString() + "-" + (to == null ? "" : to.toPlainString());
    }

    private static PriceBucket of(String from, String to) {
        return new PriceBucket(new BigDecimal(from), new BigDecimal(to));
    }
}
