package dev.catalog.query.search;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.search.client.SearchCalls;
import dev.catalog.search.document.CategoryDocument;
import dev.catalog.search.document.SearchFields;
import dev.catalog.search.index.SearchIndices;
import java.util.List;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a tenant's category tree from the registry behind the {@code categories} alias, once per search: a
 * rename or a move shows in the very next search, with no copy in product documents to bring up to date.
 */
final class CategoryRegistry {

    /** OpenSearch's default result window; a tenant with more categories gets the first this many. */
    static final int MAX_CATEGORIES = 10_000;

    private static final Logger log = LoggerFactory.getLogger(CategoryRegistry.class);

    private final OpenSearchClient client;

    CategoryRegistry(OpenSearchClient client) {
        this.client = client;
    }

    CategoryTree treeOf(TenantId tenant) {
        SearchResponse<CategoryDocument> response = SearchCalls.call("read the category registry",
                () -> client.search(search -> search
                        .index(SearchIndices.CATEGORIES_ALIAS)
                        .size(MAX_CATEGORIES)
                        .trackTotalHits(total -> total.enabled(true))
                        .query(query -> query.term(term -> term.field(SearchFields.TENANT_ID).value(FieldValue.of(tenant.value())))),
                        CategoryDocument.class));
        List<CategoryDocument> categories = response.hits().hits().stream().map(Hit::source).toList();
        if (response.hits().total() != null && response.hits().total().value() > categories.size()) {
            log.warn("tenant {} has {} categories; searches see the first {}", tenant, response.hits().total().value(),
                    categories.size());
        }
        return new CategoryTree(categories);
    }
}
