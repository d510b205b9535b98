package dev.catalog.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.systemtest.support.ApiAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The console's search, in a real browser, against what the HTTP API answers the same search: results as they are
 * typed, facet counts, a facet clicked, a product opened, and a bad filter answered with the API's own error.
 */
class ConsoleSearchIT extends BrowserTest {

    private static final int PRODUCTS = 100;

    private SeededTenant catalog;

    @BeforeAll
    void seed() {
        catalog = SeededTenant.create(stack, "console-search", PRODUCTS);
    }

    @Test
    void results_and_facet_counts_follow_the_query_as_it_is_typed() {
        String word = narrowingWord();
        openSearch();
        awaitTotal(PRODUCTS);

        WebElement query = browser.find("#q");
        String prefix = word.substring(0, 4);
        query.sendKeys(prefix);
        awaitTotal(catalog.search("q", prefix).path("total").asLong());
        query.sendKeys(word.substring(4));

        JsonNode answer = catalog.search("q", word);
        // The prefix may match exactly the products the word does: the URL says which query the results are for.
        browser.await(page -> page.getCurrentUrl().contains("q=" + word) ? true : null);
        awaitTotal(answer.path("total").asLong());
        assertThat(shownResultIds()).containsExactlyElementsOf(ids(answer.path("items")));
        assertFacetsEqual(answer.path("facets"));
        browser.screenshot("search-typed");
    }

    @Test
    void a_facet_clicked_filters_the_results_and_changes_the_other_counts() {
        openSearch();
        JsonNode all = catalog.search();
        awaitTotal(all.path("total").asLong());
        JsonNode brand = StreamSupport.stream(all.path("facets").path("brand").spliterator(), false)
                .filter(value -> value.path("count").asLong() > 1).findFirst().orElseThrow();

        browser.find("label[data-facet='brand'][data-value='" + brand.path("value").asText() + "']").click();

        JsonNode filtered = catalog.search("brand", brand.path("value").asText());
        awaitTotal(brand.path("count").asLong());
        assertThat(filtered.path("total").asLong()).isEqualTo(brand.path("count").asLong());
        assertThat(filtered.path("facets").path("inStock")).isNotEqualTo(all.path("facets").path("inStock"));
        assertThat(shownResultIds()).containsExactlyElementsOf(ids(filtered.path("items")));
        assertFacetsEqual(filtered.path("facets"));

        JsonNode root = rootCategories(filtered.path("facets")).getFirst();
        browser.find("button[data-facet='category'][data-value='" + root.path("id").asText() + "']").click();
        JsonNode both = catalog.search("brand", brand.path("value").asText(), "category", root.path("id").asText());
        awaitTotal(root.path("count").asLong());
        assertThat(both.path("total").asLong()).isEqualTo(root.path("count").asLong());
        assertFacetsEqual(both.path("facets"));
        assertThat(browser.text(".chips")).contains("Brand: " + brand.path("value").asText()).contains("Category: ");
        browser.screenshot("search-filtered");
    }

    @Test
    void a_product_opens_with_its_category_path_stock_per_warehouse_and_version() {
        JsonNode product = stockedInSeveralWarehouses();
        openSearch();
        browser.find("#q").sendKeys(product.path("sku").asText());
        awaitTotal(catalog.search("q", product.path("sku").asText()).path("total").asLong());

        browser.find("li.result[data-id='" + product.path("id").asText() + "'] a").click();

        assertThat(browser.text("#product-name")).isEqualTo(product.path("name").asText());
        List<String> path = new ArrayList<>();
        product.path("category").path("path").forEach(part -> path.add(part.path("name").asText()));
        assertThat(browser.texts(".breadcrumb li")).containsExactlyElementsOf(path);
        Map<String, String> warehouses = new LinkedHashMap<>();
        product.path("stock").path("warehouses").fields().forEachRemaining(entry -> warehouses.put(entry.getKey(),
                String.format("%,d", entry.getValue().asLong())));
        List<String> shownWarehouses = browser.texts("#stock-table tbody tr th");
        List<String> shownQuantities = browser.texts("#stock-table tbody tr td");
        Map<String, String> shown = new LinkedHashMap<>();
        for (int row = 0; row < shownWarehouses.size(); row++) {
            shown.put(shownWarehouses.get(row), shownQuantities.get(row));
        }
        assertThat(shown).isEqualTo(warehouses);
        assertThat(browser.text("#stock-table tfoot td")).isEqualTo(String.format("%,d", product.path("stock").path("total").asLong()));
        assertThat(browser.text("#product-version")).isEqualTo(product.path("version").asText());
        browser.screenshot("product");

        browser.find(".back-link").click();
        assertThat(browser.attribute("#q", "value")).isEqualTo(product.path("sku").asText());
    }

    @Test
    void a_price_filter_the_api_refuses_shows_its_error_and_keeps_the_page() {
        openSearch();
        awaitTotal(PRODUCTS);
        ApiAnswer refused = catalog.searchAnswer("minPrice", "abc");
        assertThat(refused.status()).isEqualTo(400);

        browser.find("#min-price").sendKeys("abc", Keys.ENTER);

        assertThat(browser.text(".problem[role='alert']")).contains("400").contains(refused.json().path("code").asText())
                .contains(refused.json().path("detail").asText());
        assertThat(browser.attribute("#min-price", "aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#q").isDisplayed()).isTrue();
        assertThat(browser.count("section.facet")).isPositive();
        browser.screenshot("search-error");

        browser.find("#min-price").clear();
        browser.find("#apply-price").click();
        awaitTotal(PRODUCTS);
        assertThat(browser.count(".problem[role='alert']")).isZero();
    }

    private void openSearch() {
        browser.go("#/search?tenant=" + catalog.tenant());
    }

    private void awaitTotal(long total) {
        browser.await(page -> browser.count("#results[aria-busy]") == 0
                && browser.attributes("#total", "data-total").equals(List.of(Long.toString(total))));
    }

    private List<String> shownResultIds() {
        return browser.attributes("li.result", "data-id");
    }

    /** Every facet count the page shows equals the API's: brands and attributes as far as shown, all of the rest. */
    private void assertFacetsEqual(JsonNode facets) {
        Map<String, String> expected = new LinkedHashMap<>();
        facets.path("brand").forEach(value -> expected.put("brand=" + value.path("value").asText(), value.path("count").asText()));
        facets.path("price").forEach(range -> expected.put("price=" + range.path("from").asText(), range.path("count").asText()));
        facets.path("inStock").forEach(value -> expected.put("inStock=" + value.path("value").asText(), value.path("count").asText()));
        facets.path("attributes").fields().forEachRemaining(attribute -> attribute.getValue().forEach(value ->
                expected.put("attr." + attribute.getKey() + "=" + value.path("value").asText(), value.path("count").asText())));
        facets.path("category").forEach(category -> expected.put("category=" + category.path("id").asText(), category.path("count").asText()));

        @SuppressWarnings("unchecked")
        List<List<String>> shown = (List<List<String>>) browser.script(
                "return [...document.querySelectorAll('.facets [data-facet]')].map(e => [e.dataset.facet, e.dataset.value, e.dataset.count])");
        assertThat(shown).as("facet values shown").hasSizeGreaterThan(10);
        for (List<String> facet : shown) {
            String key = facet.get(0) + "=" + facet.get(1);
            assertThat(facet.get(2)).as(key).isEqualTo(expected.get(key));
        }
        long prices = shown.stream().filter(facet -> facet.getFirst().equals("price")).count();
        assertThat(prices).isEqualTo(facets.path("price").size());
    }

    private static List<String> ids(JsonNode items) {
        return StreamSupport.stream(items.spliterator(), false).map(item -> item.path("id").asText()).toList();
    }

    private static List<JsonNode> rootCategories(JsonNode facets) {
        List<String> ids = StreamSupport.stream(facets.path("category").spliterator(), false).map(c -> c.path("id").asText()).toList();
        return StreamSupport.stream(facets.path("category").spliterator(), false)
                .filter(category -> !ids.contains(category.path("parentId").asText()))
                .filter(category -> category.path("count").asLong() > 0)
                .toList();
    }

    /** A word of the products' names that finds some of them, not all. */
    private String narrowingWord() {
        for (JsonNode item : catalog.search("limit", "50").path("items")) {
            for (String word : item.path("name").asText().split("[^\\p{IsAlphabetic}]+")) {
                if (word.length() >= 5 && word.chars().allMatch(c -> c < 128)) {
                    long total = catalog.search("q", word.toLowerCase()).path("total").asLong();
                    if (total > 1 && total < PRODUCTS) {
                        return word.toLowerCase();
                    }
                }
            }
        }
        throw new AssertionError("no word of the seeded names narrows the search");
    }

    private JsonNode stockedInSeveralWarehouses() {
        for (JsonNode item : catalog.search("inStock", "true", "limit", "100").path("items")) {
            JsonNode product = catalog.product(item.path("id").asText());
            if (product.path("stock").path("warehouses").size() > 1 && product.path("category").path("path").size() > 1) {
                return product;
            }
        }
        throw new AssertionError("no seeded product is stocked in several warehouses under a nested category");
    }
}
