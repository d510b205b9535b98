package dev.catalog.query.search;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.search.client.SearchCalls;
import dev.catalog.search.document.ProductDocument;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.SearchResponse;

/**
 * Product search for one tenant: reads the tenant's category tree from the registry and asks the products index
 * for one page with its facets. Two requests, so category names and paths are always current. A search filtered
 * by category needs the tree first (the filter is the category's subtree); any other search needs it only for its
 * answer, so it reads the registry while the products index works, and waits for one round trip instead of two.
 */
public final class ProductSearch {

    private final OpenSearchClient client;
    private final CategoryRegistry categories;
    /** One virtual thread per registry read: nothing pooled, nothing to shut down. */
    private final ExecutorService registryReads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("category-registry-read").factory());

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
        if (criteria.category() != null) {
            CategoryTree tree = categories.treeOf(tenant);
            Set<String> categoryScope = tree.subtree(criteria.category().toString());
            return searched(tenant, criteria, findProducts(tenant, criteria, categoryScope), tree);
        }
        // If the products query fails, that is the answer; the registry read ends on its own and is forgotten.
        Future<CategoryTree> tree = registryReads.submit(() -> categories.treeOf(tenant));
        return searched(tenant, criteria, findProducts(tenant, criteria, Set.of()), awaitTree(tree));
    }

    private SearchResponse<ProductDocument> findProducts(TenantId tenant, SearchCriteria criteria, Set<String> categoryScope) {
        return SearchCalls.call("search products",
                () -> client.search(ProductQuery.of(tenant, criteria, categoryScope), ProductDocument.class));
    }

    private static Searched searched(TenantId tenant, SearchCriteria criteria, SearchResponse<ProductDocument> response,
                                     CategoryTree tree) {
        return new Searched(SearchResults.page(response, criteria, tree, criteria.fingerprint(tenant.value())), response.took());
    }

    /** The registry read's own failure, as {@link CategoryRegistry#treeOf} throws it (already sorted by SearchCalls). */
    private static CategoryTree awaitTree(Future<CategoryTree> tree) {
        try {
            return tree.get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading the category registry failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the category registry", interrupted);
        }
    }
}
