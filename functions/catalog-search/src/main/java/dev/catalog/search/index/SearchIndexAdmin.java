package dev.catalog.search.index;

import dev.catalog.platform.json.Json;
import dev.catalog.search.client.SearchCalls;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.opensearch.indices.update_aliases.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates versions of the search indices from the definitions in {@code infra/opensearch} (the same files in
 * every environment), swaps the aliases between versions, and tells which version they point to. Used at setup
 * (version 1) and by rebuilds (version N+1, then the swap).
 */
public final class SearchIndexAdmin {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexAdmin.class);
    private static final String PRODUCTS_DEFINITION = definition("products-index.json");
    private static final String CATEGORIES_DEFINITION = definition("categories-index.json");

    private final OpenSearchClient client;

    public SearchIndexAdmin(OpenSearchClient client) {
        this.client = client;
    }

    /** The products index's settings and mappings, as {@link #create} sends them: the file on the class path. */
    public static String productsDefinition() {
        return PRODUCTS_DEFINITION;
    }

    /**
     * Creates both indices of {@code version}. An index that already exists is left as it is, so a retried
     * setup or rebuild step goes through; its definition is not compared.
     */
    public SearchIndices create(int version) {
        SearchIndices indices = new SearchIndices(version);
        createIndex(indices.products(), PRODUCTS_DEFINITION);
        createIndex(indices.categories(), CATEGORIES_DEFINITION);
        return indices;
    }

    /**
     * Points both aliases at {@code version} in one {@code _aliases} request: OpenSearch applies its actions
     * atomically, so no reader ever sees the products of one version with the categories of another.
     */
    public void pointAliasesAt(int version) {
        SearchIndices target = new SearchIndices(version);
        List<Action> actions = new ArrayList<>();
        for (String index : indicesBehind(SearchIndices.PRODUCTS_ALIAS)) {
            actions.add(Action.of(action -> action.remove(remove -> remove.index(index).alias(SearchIndices.PRODUCTS_ALIAS))));
        }
        for (String index : indicesBehind(SearchIndices.CATEGORIES_ALIAS)) {
            actions.add(Action.of(action -> action.remove(remove -> remove.index(index).alias(SearchIndices.CATEGORIES_ALIAS))));
        }
        actions.add(Action.of(action -> action.add(add -> add.index(target.products()).alias(SearchIndices.PRODUCTS_ALIAS))));
        actions.add(Action.of(action -> action.add(add -> add.index(target.categories()).alias(SearchIndices.CATEGORIES_ALIAS))));
        SearchCalls.call("point the aliases at version " + version,
                () -> client.indices().updateAliases(update -> update.actions(actions)));
        log.info("search aliases now point at version {}", version);
    }

    /**
     * The version both aliases point to; empty before the first {@link #pointAliasesAt}. Aliases that disagree,
     * or point at several indices, were changed by hand: that is refused rather than guessed.
     */
    public Optional<SearchIndices> aliasedVersion() {
        Set<String> products = indicesBehind(SearchIndices.PRODUCTS_ALIAS);
        Set<String> categories = indicesBehind(SearchIndices.CATEGORIES_ALIAS);
        if (products.isEmpty() && categories.isEmpty()) {
            return Optional.empty();
        }
        Optional<SearchIndices> version = products.size() == 1
                ? SearchIndices.ofProductsIndex(products.iterator().next())
                : Optional.empty();
        if (version.isEmpty() || !categories.equals(Set.of(version.get().categories()))) {
            throw new IllegalStateException("the search aliases disagree: " + SearchIndices.PRODUCTS_ALIAS + " -> "
                    + products + ", " + SearchIndices.CATEGORIES_ALIAS + " -> " + categories);
        }
        return version;
    }

    /** Deletes both indices of a version that readers no longer use (a retired or failed build). */
    public void delete(int version) {
        SearchIndices indices = new SearchIndices(version);
        if (aliasedVersion().filter(indices::equals).isPresent()) {
            throw new IllegalStateException("version " + version + " is the one the aliases point to; it cannot be deleted");
        }
        SearchCalls.call("delete version " + version, () -> client.indices().delete(delete -> delete
                .index(indices.products(), indices.categories())
                .ignoreUnavailable(true)));
    }

    private Set<String> indicesBehind(String alias) {
        return SearchCalls.call("look up alias " + alias, () -> {
            if (!client.indices().existsAlias(exists -> exists.name(alias)).value()) {
                return Set.of();
            }
            return new TreeSet<>(client.indices().getAlias(get -> get.name(alias)).result().keySet());
        });
    }

    private void createIndex(String index, String definition) {
        SearchCalls.call("create index " + index, () -> {
            try (Response response = client.generic().execute(
                    Requests.builder().method("PUT").endpoint("/" + index).json(definition).build())) {
                String body = response.getBody().map(Body::bodyAsString).orElse("");
                if (response.getStatus() == 200) {
                    log.info("created search index {}", index);
                } else if (response.getStatus() == 400 && "resource_already_exists_exception".equals(errorType(body))) {
                    log.info("search index {} exists already; kept as it is", index);
                } else if (SearchCalls.isTransient(response.getStatus())) {
                    throw new IOException("creating " + index + " answered " + response.getStatus() + ": " + body);
                } else {
                    throw new IllegalStateException("OpenSearch refused to create " + index + " (" + response.getStatus()
                            + "): " + body);
                }
                return null;
            }
        });
    }

    private static String errorType(String body) {
        try {
            return Json.parse(body).path("error").path("type").asText("");
        } catch (IOException notJson) {
            return "";
        }
    }

    private static String definition(String file) {
        String resource = "/opensearch/" + file;
        try (InputStream in = SearchIndexAdmin.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path (catalog-infra)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
