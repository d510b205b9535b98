package dev.catalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.search.testing.OpenSearchExtension;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.mapping.Property;

@ExtendWith(OpenSearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexAdminIT {

    private OpenSearchClient client;
    private SearchIndexAdmin admin;

    @BeforeAll
    void connect(OpenSearchClient client) {
        this.client = client;
        this.admin = new SearchIndexAdmin(client);
    }

    @Test
    void creates_both_indices_of_a_version_from_the_infra_definitions() throws IOException {
        SearchIndices indices = admin.create(1);

        Map<String, Property> products = client.indices().getMapping(get -> get.index(indices.products()))
                .result().get(indices.products()).mappings().properties();
        assertThat(products).containsKeys("tenantId", "productId", "product", "inventory", "versions");
        assertThat(products.get("product").object().properties().get("price").object().properties().get("value").isScaledFloat()).isTrue();
        assertThat(client.indices().exists(exists -> exists.index(indices.categories())).value()).isTrue();
    }

    /**
     * OpenSearch lets a refresh wait up to 10 s for the merges of small segments it starts (merge on flush): at 200
     * commands/s on two cores that held the products index's refreshes for up to 1.9 s, and nothing written meanwhile
     * was searchable. Each refresh below writes one segment, and the eleventh starts a merge of them all: with merging
     * on flush the searcher it opens holds only the merged segment; with it off, all eleven, the merge running behind.
     */
    @Test
    void a_refresh_does_not_wait_for_the_merge_it_starts() throws IOException {
        SearchIndices indices = admin.create(9);

        assertThat(searchableSegmentsAfterElevenRefreshes(indices.products(), "productId")).isEqualTo(11);
        assertThat(searchableSegmentsAfterElevenRefreshes(indices.categories(), "categoryId")).isEqualTo(11);
    }

    private int searchableSegmentsAfterElevenRefreshes(String index, String idField) throws IOException {
        client.indices().putSettings(put -> put.index(index).settings(settings -> settings.refreshInterval(off -> off.time("-1"))));
        for (int i = 0; i < 11; i++) {
            String id = "segment-" + i;
            client.index(write -> write.index(index).id(id).document(Map.of("tenantId", "tenant-a", idField, id)));
            client.indices().refresh(refresh -> refresh.index(index));
        }
        return (int) client.cat().segments(segments -> segments.index(index)).valueBody().stream()
                .filter(segment -> "true".equals(segment.searchable()))
                .count();
    }

    @Test
    void creating_a_version_again_keeps_it() {
        admin.create(2);

        assertThat(admin.create(2)).isEqualTo(new SearchIndices(2));
    }

    @Test
    void swaps_both_aliases_to_another_version_and_reports_it() {
        admin.create(3);
        admin.create(4);

        admin.pointAliasesAt(3);
        assertThat(admin.aliasedVersion()).contains(new SearchIndices(3));

        admin.pointAliasesAt(4);
        assertThat(admin.aliasedVersion()).contains(new SearchIndices(4));
    }

    @Test
    void refuses_to_delete_the_version_readers_use_and_deletes_a_retired_one() throws IOException {
        admin.create(5);
        admin.create(6);
        admin.pointAliasesAt(6);

        assertThatThrownBy(() -> admin.delete(6)).hasMessageContaining("cannot be deleted");
        admin.delete(5);

        assertThat(client.indices().exists(exists -> exists.index("products_v5", "categories_v5")).value()).isFalse();
        assertThat(admin.aliasedVersion()).contains(new SearchIndices(6));
    }

    @Test
    void refuses_aliases_that_disagree() throws IOException {
        admin.create(7);
        admin.create(8);
        admin.pointAliasesAt(7);
        client.indices().updateAliases(update -> update
                .actions(action -> action.remove(remove -> remove.index("categories_v7").alias(SearchIndices.CATEGORIES_ALIAS)))
                .actions(action -> action.add(add -> add.index("categories_v8").alias(SearchIndices.CATEGORIES_ALIAS))));

        assertThatThrownBy(() -> admin.aliasedVersion()).hasMessageContaining("disagree");
        admin.pointAliasesAt(8);
    }
}
