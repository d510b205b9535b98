package dev.catalog.local.bench;

import dev.catalog.search.client.SearchClients;
import dev.catalog.search.client.SearchSettings;
import dev.catalog.search.document.ProductDocument;
import dev.catalog.search.index.SearchIndices;
import java.io.IOException;
import java.net.URI;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The versions a search of the {@code products} alias returns: what is searchable, which is what has been refreshed
 * (the index refreshes every second), not merely written.
 */
final class SearchVersions implements VisibilityPoller.VersionSource {

    private final OpenSearchClient client;

    SearchVersions(URI openSearch) {
        this.client = SearchClients.create(new SearchSettings(openSearch, SearchSettings.Authentication.NONE, null));
    }

    @Override
    public Map<String, VisibilityPoller.Versions> versionsOf(Collection<String> productIds) throws IOException {
        List<String> ids = List.copyOf(productIds);
        var response = client.search(search -> search
                .index(SearchIndices.PRODUCTS_ALIAS)
                .size(ids.size())
                .source(source -> source.filter(filter -> filter.includes("productId", "versions")))
                .query(query -> query.ids(values -> values.values(ids))), ProductDocument.class);
        Map<String, VisibilityPoller.Versions> versions = new HashMap<>();
        for (Hit<ProductDocument> hit : response.hits().hits()) {
            ProductDocument.Versions held = hit.source().versions();
            versions.put(hit.id(), new VisibilityPoller.Versions(
                    held.product() == null ? 0 : held.product(), held.inventory() == null ? 0 : held.inventory()));
        }
        return versions;
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }
}
