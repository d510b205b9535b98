package dev.catalog.systemtest.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * {@code GET /products/search} as one tenant, over the local HTTP API; and waiting, with a bound, for the pipeline to
 * bring what commands changed into the search index.
 */
final class TenantSearch {

    /** Command to searchable: Debezium, Kafka, the event source mapping, the bulk write and the index refresh (1 s). */
    static final Duration PIPELINE = Duration.ofSeconds(30);

    private final CatalogStack stack;
    private final String tenant;

    TenantSearch(CatalogStack stack, String tenant) {
        this.stack = stack;
        this.tenant = tenant;
    }

    String tenant() {
        return tenant;
    }

    /** The answer to a search with these parameters, in order, each given as a name and a value. */
    ApiAnswer answer(List<Map.Entry<String, String>> parameters) {
        ApiCall call = ApiCall.to("GET /products/search").tenant(tenant);
        parameters.forEach(parameter -> call.query(parameter.getKey(), parameter.getValue()));
        return stack.overHttp(call);
    }

    /** The answer to a search with {@code names and values}: {@code answer("q", "shoe", "brand", "Stride")}. */
    ApiAnswer answer(String... namesAndValues) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return answer(parameters);
    }

    /** A successful search's page. */
    JsonNode page(String... namesAndValues) {
        ApiAnswer answer = answer(namesAndValues);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    List<String> names(String... namesAndValues) {
        return items(page(namesAndValues)).stream().map(item -> item.get("name").asText()).toList();
    }

    List<String> skus(String... namesAndValues) {
        return skus(page(namesAndValues));
    }

    /** The product as the search lists it, found by its SKU; empty when the search does not list it. */
    Optional<JsonNode> item(String sku) {
        return items(page("q", sku)).stream().filter(item -> item.get("sku").asText().equals(sku)).findFirst();
    }

    /** Waits until every product created so far is listed. */
    void awaitTotal(long total) {
        await().atMost(PIPELINE).untilAsserted(() -> assertThat(page("limit", "1").get("total").asLong()).isEqualTo(total));
    }

    /** Waits until the search page of these parameters satisfies {@code expectation}. */
    void awaitPage(Consumer<JsonNode> expectation, String... namesAndValues) {
        await().atMost(PIPELINE).untilAsserted(() -> expectation.accept(page(namesAndValues)));
    }

    static List<JsonNode> items(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false).toList();
    }

    static List<String> skus(JsonNode page) {
        return items(page).stream().map(item -> item.get("sku").asText()).toList();
    }
}
