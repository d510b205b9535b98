package dev.catalog.query.search;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.search.client.SearchCalls;
import dev.catalog.search.document.ProductDocument;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * Product search for one tenant: reads the tenant's category tree from the registry, then asks the products
 * index for one page with its facets. Two requests, so category names and paths are always current.
 */
public final class ProductSearch {

    private final OpenSearchClient client;
    private final CategoryRegistry categories;

    public ProductSearch(OpenSearchClient client) {
        this.client = client;
        this.categories = new CategoryRegistry(client);
    }

    /**
     * A page of results, and how long OpenSearch itself took to find them ({@code took}, milliseconds): the
     * difference to the whole request is what the function and the network add.
     */
    record Searched(SearchPage page, long openSearchTookMillis) {
    }

    Searched search(TenantId tenant, SearchCriteria criteria) {
        CategoryTree tree = categories.treeOf(tenant);
        SearchResponse<ProductDocument> response = SearchCalls.call("search products",
                () -> client.search(ProductQuery.of(tenant, criteria, tree), ProductDocument.class));
        return new Searched(SearchResults.page(response, criteria, tree, criteria.fingerprint(tenant.value())), response.took());
    }
}
