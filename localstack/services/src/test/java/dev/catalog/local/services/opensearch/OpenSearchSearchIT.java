package dev.catalog.local.services.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.TestStackLayout;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.Result;
import org.opensearch.client.opensearch._types.Script;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch.core.search.Hit;

/** What product search needs from the assembled OpenSearch, checked through opensearch-java on one node. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchSearchIT {

    private OpenSearchNode node;
    private OpenSearchClient client;

    @BeforeAll
    void startNode() {
        node = OpenSearchNode.start(OpenSearchSettings.forStack(
                TestStackLayout.create("opensearch-search"), FreePorts.next(), FreePorts.next()));
        client = OpenSearchClients.connectTo(node);
    }

    @AfterAll
    void stopNode() throws IOException {
        if (client != null) {
            client._transport().close();
        }
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void english_analysis_matches_other_forms_of_a_word() throws IOException {
        ProductIndexes.createWithCatalog(client, "english");

        assertThat(skusMatching("english", "name", "running shoes")).containsExactly("SKU-1");
    }

    @Test
    void accents_are_folded_so_plain_letters_match() throws IOException {
        ProductIndexes.createWithCatalog(client, "folding");

        assertThat(skusMatching("folding", "name", "creme brulee")).containsExactly("SKU-3");
    }

    @Test
    void autocomplete_matches_the_start_of_a_word() throws IOException {
        ProductIndexes.createWithCatalog(client, "autocomplete");

        assertThat(skusMatching("autocomplete", "name.autocomplete", "headph")).containsExactly("SKU-4");
    }

    @Test
    void brand_facets_count_the_products_within_a_price_range() throws IOException {
        ProductIndexes.createWithCatalog(client, "facets");

        var response = client.search(search -> search.index("facets").size(0)
                .query(query -> query.range(range -> range.field("price").lte(JsonData.of(90))))
                .aggregations("brands", aggregation -> aggregation.terms(terms -> terms.field("brand"))), Void.class);

        Map<String, Long> brandCounts = response.aggregations().get("brands").sterms().buckets().array().stream()
                .collect(Collectors.toMap(StringTermsBucket::key, StringTermsBucket::docCount));
        assertThat(brandCounts).containsOnly(entry("Acme", 2L), entry("Chefco", 1L), entry("Peak", 1L));
    }

    @Test
    void versioned_update_is_a_noop_when_its_version_is_stale() throws IOException {
        ProductIndexes.create(client, "versioned");
        ProductIndexes.load(client, "versioned", List.of(ProductIndexes.CATALOG.getFirst().withVersion(5)));

        var stale = client.update(update -> update.index("versioned").id("SKU-1")
                .script(priceChange("70.00", 3)).refresh(Refresh.True), Product.class);
        var newer = client.update(update -> update.index("versioned").id("SKU-1")
                .script(priceChange("75.00", 6)).refresh(Refresh.True), Product.class);

        assertThat(stale.result()).isEqualTo(Result.NoOp);
        assertThat(newer.result()).isEqualTo(Result.Updated);
        Product stored = client.get(get -> get.index("versioned").id("SKU-1"), Product.class).source();
        assertThat(stored.version()).isEqualTo(6);
        assertThat(stored.price()).isEqualByComparingTo("75.00");
    }

    @Test
    void update_by_query_changes_every_matching_document() throws IOException {
        ProductIndexes.createWithCatalog(client, "recategorised");

        var response = client.updateByQuery(update -> update.index("recategorised")
                .query(query -> query.term(term -> term.field("category").value(FieldValue.of("shoes"))))
                .script(script -> script.inline(inline -> inline
                        .source("ctx._source.category = params.category")
                        .params("category", JsonData.of("footwear"))))
                .refresh(Refresh.True));

        assertThat(response.failures()).isEmpty();
        assertThat(response.updated()).isEqualTo(2);
        assertThat(skusMatching("recategorised", "category", "footwear")).containsExactlyInAnyOrder("SKU-1", "SKU-2");
    }

    @Test
    void alias_moves_to_a_reindexed_copy_in_one_call() throws IOException {
        ProductIndexes.createWithCatalog(client, "catalog-v1");
        ProductIndexes.create(client, "catalog-v2");
        client.indices().updateAliases(aliases -> aliases
                .actions(action -> action.add(add -> add.index("catalog-v1").alias("catalog"))));

        var reindexed = client.reindex(reindex -> reindex
                .source(source -> source.index("catalog-v1"))
                .dest(dest -> dest.index("catalog-v2"))
                .refresh(Refresh.True));
        client.indices().updateAliases(aliases -> aliases
                .actions(action -> action.remove(remove -> remove.index("catalog-v1").alias("catalog")))
                .actions(action -> action.add(add -> add.index("catalog-v2").alias("catalog"))));

        assertThat(reindexed.created()).isEqualTo(ProductIndexes.CATALOG.size());
        assertThat(client.indices().getAlias(get -> get.name("catalog")).result()).containsOnlyKeys("catalog-v2");
        assertThat(client.count(count -> count.index("catalog")).count()).isEqualTo(ProductIndexes.CATALOG.size());
    }

    private List<String> skusMatching(String index, String field, String text) throws IOException {
        return client.search(search -> search.index(index)
                        .query(query -> query.match(match -> match.field(field).query(FieldValue.of(text)))), Product.class)
                .hits().hits().stream().map(Hit::id).toList();
    }

    /** Applies a price change only when it is newer than the document, as projections do with event versions. */
    private static Script priceChange(String price, long version) {
        return Script.of(script -> script.inline(inline -> inline
                .source("if (params.version <= ctx._source.version) { ctx.op = 'noop' } "
                        + "else { ctx._source.price = params.price; ctx._source.version = params.version }")
                .params(Map.of("price", JsonData.of(new BigDecimal(price)), "version", JsonData.of(version)))));
    }
}
