package dev.catalog.search.testing;

import dev.catalog.search.index.SearchIndexAdmin;
import dev.catalog.search.index.SearchIndices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.opensearch.client.opensearch.OpenSearchClient;

/** Index versions for tests that share one node: each test gets versions no other test writes to. */
public final class TestIndices {

    private static final AtomicInteger NEXT_VERSION = new AtomicInteger(100);

    private TestIndices() {
    }

    /** A new, empty version of both indices, created from the production definitions. */
    public static SearchIndices createFresh(OpenSearchClient client) {
        return new SearchIndexAdmin(client).create(NEXT_VERSION.getAndIncrement());
    }

    /** Makes everything written so far searchable now, instead of within the refresh interval. */
    public static void refresh(OpenSearchClient client, SearchIndices indices) {
        try {
            client.indices().refresh(refresh -> refresh.index(indices.products(), indices.categories()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
