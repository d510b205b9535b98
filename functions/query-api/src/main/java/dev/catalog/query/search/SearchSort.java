package dev.catalog.query.search;

import dev.catalog.search.document.SearchFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;

/**
 * The orders a search can list products in. Each ends with the product id, so no two products tie and a page
 * boundary ({@code search_after}) is exact: paging neither repeats nor skips a product.
 */
enum SearchSort {

    RELEVANCE("relevance", sortBy("_score", SortOrder.Desc), SortValue.NUMBER),
    PRICE_ASC("price_asc", sortBy(SearchFields.PRICE, SortOrder.Asc), SortValue.NUMBER),
    PRICE_DESC("price_desc", sortBy(SearchFields.PRICE, SortOrder.Desc), SortValue.NUMBER),
    NEWEST("newest", sortBy(SearchFields.CREATED_AT, SortOrder.Desc), SortValue.WHOLE_NUMBER),
    NAME("name", sortBy(SearchFields.NAME_SORT, SortOrder.Asc), SortValue.TEXT);

    /** What kind of value a sort key has in a hit's {@code sort} array, and so in a cursor. */
    enum SortValue {
        NUMBER, WHOLE_NUMBER, TEXT
    }

    private static final SortOptions TIE_BREAKER = sortBy(SearchFields.PRODUCT_ID, SortOrder.Asc);

    private final String wireName;
    private final SortOptions primary;
    private final SortValue primaryValue;

    SearchSort(String wireName, SortOptions primary, SortValue primaryValue) {
        this.wireName = wireName;
        this.primary = primary;
        this.primaryValue = primaryValue;
    }

    String wireName() {
        return wireName;
    }

    List<SortOptions> sortOptions() {
        return List.of(primary, TIE_BREAKER);
    }

    /** The kinds of the values in a hit's sort array, in order: the primary key's, then the product id's. */
    List<SortValue> sortValues() {
        return List.of(primaryValue, SortValue.TEXT);
    }

    static Optional<SearchSort> fromWireName(String name) {
        return Arrays.stream(values()).filter(sort -> sort.wireName.equals(name)).findFirst();
    }

    static List<String> wireNames() {
        List<String> names = new ArrayList<>();
        for (SearchSort sort : values()) {
            names.add(sort.wireName);
        }
        return names;
    }

    private static SortOptions sortBy(String field, SortOrder order) {
        if (field.equals("_score")) {
            return SortOptions.of(sort -> sort.score(score -> score.order(order)));
        }
        return SortOptions.of(sort -> sort.field(f -> f.field(field).order(order)));
    }
}
