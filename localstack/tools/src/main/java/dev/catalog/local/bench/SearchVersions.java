package dev.catalog.local.bench;

import dev.catalog.search.client.SearchClients;
import dev.catalog.search.client.SearchSettings;
import dev.catalog.search.document.SearchFields;
import dev.catalog.search.index.SearchIndices;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.query_dsl.FieldAndFormat;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * The versions a search of the {@code products} alias returns: what is searchable, which is what has been refreshed
 * (the index refreshes every second), not merely written.
 *
 * <p>The benchmark runs on the machine it measures, so its polls must cost the stack little. Every search costs
 * OpenSearch 1.5 to 2 ms of CPU, however small (measured on this machine kind, one node, keep-alive connections), and
 * what a search returns only changes at a refresh: {@link #POLL_INTERVAL} is a tenth of the refresh interval. The
 * versions are read from doc values, filtered and not scored: for 1,000 ids that costs OpenSearch about a third less
 * than reading them from each document's {@code _source}.
 */
final class SearchVersions implements VisibilityPoller.VersionSource {

    /**
     * How often the search read model is asked: a tenth of the 1 s refresh interval. {@link VisibilityPoller} says
     * how exact that makes a figure.
     */
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

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
                .source(source -> source.fetch(false))
                .docvalueFields(FieldAndFormat.of(field -> field.field(SearchFields.PRODUCT_VERSION)),
                        FieldAndFormat.of(field -> field.field(SearchFields.INVENTORY_VERSION)))
                .trackTotalHits(total -> total.enabled(false))
                .query(query -> query.bool(bool -> bool.filter(filter -> filter.ids(values -> values.values(ids))))),
                Void.class);
        Map<String, VisibilityPoller.Versions> versions = new HashMap<>();
        for (Hit<Void> hit : response.hits().hits()) {
            versions.put(hit.id(), new VisibilityPoller.Versions(
                    version(hit.fields(), SearchFields.PRODUCT_VERSION), version(hit.fields(), SearchFields.INVENTORY_VERSION)));
        }
        return versions;
    }

    /** A doc value comes as a list of one number; a part never written has none. */
    private static long version(Map<String, JsonData> fields, String field) {
        JsonData values = fields.get(field);
        if (values == null) {
            return 0;
        }
        JsonArray numbers = values.toJson().asJsonArray();
        return numbers.isEmpty() ? 0 : numbers.getJsonNumber(0).longValue();
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }
}
