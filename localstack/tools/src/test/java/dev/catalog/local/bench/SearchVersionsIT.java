package dev.catalog.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.search.index.SearchIndexAdmin;
import dev.catalog.search.index.SearchIndices;
import dev.catalog.search.testing.OpenSearchExtension;
import dev.catalog.search.testing.OpenSearchExtension.SearchNode;
import dev.catalog.search.testing.TestIndices;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * What {@code bench lag} counts as searchable: the versions a search of the {@code products} alias returns, read from
 * doc values, for refreshed documents only. The index's own refresh is switched off, so the test decides when.
 */
@ExtendWith(OpenSearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchVersionsIT {

    private OpenSearchClient client;
    private SearchIndices indices;
    private SearchVersions versions;

    @BeforeAll
    void createIndicesBehindTheAliases(SearchNode node) throws IOException {
        client = node.client();
        indices = TestIndices.createFresh(client);
        new SearchIndexAdmin(client).pointAliasesAt(indices.version());
        client.indices().putSettings(settings -> settings.index(indices.products())
                .settings(index -> index.refreshInterval(interval -> interval.time("-1"))));
        versions = new SearchVersions(node.baseUri());
    }

    @AfterAll
    void close() throws IOException {
        versions.close();
    }

    @Test
    void a_written_part_counts_from_the_refresh_that_makes_it_searchable_and_a_part_never_written_is_version_0() throws IOException {
        write("p-stocked", Map.of("product", 3, "inventory", 2));
        write("p-unstocked", Map.of("product", 1));

        assertThat(versions.versionsOf(List.of("p-stocked", "p-unstocked"))).isEmpty();

        TestIndices.refresh(client, indices);
        assertThat(versions.versionsOf(List.of("p-stocked", "p-unstocked", "p-unknown"))).containsOnly(
                Map.entry("p-stocked", new VisibilityPoller.Versions(3, 2)),
                Map.entry("p-unstocked", new VisibilityPoller.Versions(1, 0)));

        write("p-stocked", Map.of("product", 4, "inventory", 2));
        assertThat(versions.versionsOf(List.of("p-stocked"))).containsOnly(
                Map.entry("p-stocked", new VisibilityPoller.Versions(3, 2)));
        TestIndices.refresh(client, indices);
        assertThat(versions.versionsOf(List.of("p-stocked"))).containsOnly(
                Map.entry("p-stocked", new VisibilityPoller.Versions(4, 2)));
    }

    private void write(String productId, Map<String, Integer> partVersions) throws IOException {
        client.index(index -> index.index(indices.products()).id(productId)
                .document(Map.of("tenantId", "bench", "productId", productId, "versions", partVersions)));
    }
}
