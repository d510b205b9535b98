package dev.catalog.search.index;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One version of the search read model: the products index {@code products_v<N>} and the category registry
 * {@code categories_v<N>}, built, swapped in and retired together. Readers go through the aliases, writers name
 * the version they write.
 */
public record SearchIndices(int version) {

    public static final String PRODUCTS_ALIAS = "products";
    public static final String CATEGORIES_ALIAS = "categories";

    private static final Pattern PRODUCTS_INDEX = Pattern.compile(PRODUCTS_ALIAS + "_v([1-9][0-9]{0,8})");

    public SearchIndices {
        if (version < 1) {
            throw new IllegalArgumentException("a search index version is 1 or higher, not " + version);
        }
    }

    public String products() {
        return PRODUCTS_ALIAS + "_v" + version;
    }

    public String categories() {
        return CATEGORIES_ALIAS + "_v" + version;
    }

    /** The version whose products index is {@code indexName}, if it is one. */
    public static Optional<SearchIndices> ofProductsIndex(String indexName) {
        Matcher matcher = PRODUCTS_INDEX.matcher(indexName);
        return matcher.matches() ? Optional.of(new SearchIndices(Integer.parseInt(matcher.group(1)))) : Optional.empty();
    }
}
