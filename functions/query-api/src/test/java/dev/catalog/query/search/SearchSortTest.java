package dev.catalog.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.platform.json.Json;
import dev.catalog.search.index.SearchIndexAdmin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.SortOptions;

/**
 * The products index is stored sorted as "newest" lists products (infra/opensearch/README.md says why). The two are
 * written in two places, the index definition and {@link SearchSort}; this keeps them the same, so a change to one
 * cannot quietly bring back the slow newest-first search.
 */
class SearchSortTest {

    @Test
    void theProductsIndexIsStoredInTheOrderOfNewest() throws IOException {
        JsonNode sort = productsIndexDefinition().path("settings").path("index");

        assertThat(strings(sort.path("sort.field"))).containsExactlyElementsOf(fields(SearchSort.NEWEST));
        assertThat(strings(sort.path("sort.order"))).containsExactlyElementsOf(orders(SearchSort.NEWEST));
        // A search's missing value defaults to _last in either order; the index must put such documents there too.
        assertThat(strings(sort.path("sort.missing"))).containsOnly("_last");
    }

    private static JsonNode productsIndexDefinition() throws IOException {
        return Json.parse(SearchIndexAdmin.productsDefinition());
    }

    private static List<String> fields(SearchSort sort) {
        return sort.sortOptions().stream().map(option -> option.field().field()).toList();
    }

    private static List<String> orders(SearchSort sort) {
        return sort.sortOptions().stream().map(SortOptions::field).map(field -> field.order().jsonValue()).toList();
    }

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
