package dev.catalog.search.document;

import java.util.Optional;

/**
 * Product attributes as facet keywords {@code name=value}: one keyword field holds every tenant's attributes,
 * instead of one field per attribute name, which would grow the index mapping with every new name a tenant
 * invents. Names never contain {@code =} (the model allows {@code [a-z][a-z0-9_]*}), so the first one splits.
 */
public final class AttributeFacets {

    private static final char SEPARATOR = '=';

    private AttributeFacets() {
    }

    public static String keyword(String name, String value) {
        return name + SEPARATOR + value;
    }

    /** A regular expression (Lucene syntax) matching the keywords of one attribute name. */
    public static String keywordsOf(String name) {
        return name + SEPARATOR + ".*";
    }

    public static Optional<Attribute> parse(String keyword) {
        int separator = keyword.indexOf(SEPARATOR);
        return separator < 1 ? Optional.empty()
                : Optional.of(new Attribute(keyword.substring(0, separator), keyword.substring(separator + 1)));
    }

    public record Attribute(String name, String value) {
    }
}
