package dev.catalog.projection.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.json.Json;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.projection.batch.NewestPerAggregate;
import dev.catalog.projection.readmodel.CategoryFacts;
import dev.catalog.projection.readmodel.ProductFacts;
import dev.catalog.projection.readmodel.ProjectionTarget;
import dev.catalog.projection.readmodel.VerificationSupport;
import dev.catalog.search.client.SearchCalls;
import dev.catalog.search.index.SearchIndexAdmin;
import dev.catalog.search.index.SearchIndices;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search read model's versions: indices {@code products_v<N>} and {@code categories_v<N>}, switched together by one
 * {@code _aliases} call. Progress lives in the database and is recorded after each bulk request: a replay resumed
 * after a failure in between writes that batch again, which the version guards make harmless. Each batch is coalesced
 * to the newest event per aggregate first: one scripted update per document part, not one per event.
 */
public final class SearchTarget implements ProjectionTarget {

    private static final Logger log = LoggerFactory.getLogger(SearchTarget.class);
    private static final int PAGE = 5_000;

    private final OpenSearchClient client;
    private final SearchIndexAdmin admin;
    private final SearchIndexWriter writer;
    private final SearchIndexWriter merger;
    private final DataSource database;

    public SearchTarget(OpenSearchClient client, DataSource database) {
        this.client = client;
        this.admin = new SearchIndexAdmin(client);
        this.writer = new SearchIndexWriter(client, SearchIndexWriter.Overwrite.SAME_OR_NEWER);
        this.merger = new SearchIndexWriter(client, SearchIndexWriter.Overwrite.NEWER);
        this.database = database;
    }

    @Override
    public String projection() {
        return ProjectionName.SEARCH.id();
    }

    @Override
    public String targetName(int version) {
        return new SearchIndices(version).products();
    }

    @Override
    public void create(int version) {
        admin.create(version);
    }

    /**
     * Copies the LIVE indices page by page, each document merged part by part under the live path's version guards:
     * the live path already writes the new indices, and whichever lands first, each part ends at the newer version.
     */
    @Override
    public void seedFrom(int liveVersion, int version) {
        SearchIndices from = new SearchIndices(liveVersion);
        SearchIndices to = new SearchIndices(version);
        SearchCalls.call("refresh version " + liveVersion, () -> client.indices().refresh(refresh -> refresh
                .index(from.products(), from.categories())));
        scanPages(from.products(), "productId", page -> merger.merge(to.products(), "productId", page));
        scanPages(from.categories(), "categoryId", page -> merger.merge(to.categories(), "categoryId", page));
    }

    @Override
    public void replay(int version, List<LoggedEvent> events, InTransaction recordProgress) {
        for (WriteOutcome outcome : writer.apply(new SearchIndices(version), NewestPerAggregate.of(events))) {
            if (outcome instanceof WriteOutcome.Rejected rejected) {
                log.warn("replay into version {} passes by event {}: {}", version, rejected.event().envelope().eventId(), rejected.reason());
            }
        }
        try (Connection connection = database.getConnection()) {
            recordProgress.run(connection);
        } catch (SQLException e) {
            throw new DatabaseException("cannot record the replay's progress", e);
        }
    }

    /**
     * Reads the write model, then every document of the version, then which aggregates moved after the mark: an
     * aggregate that changed while the documents were read has an event after the mark and is left out.
     */
    @Override
    public List<String> verify(int version, long highWaterMark) {
        SearchIndices indices = new SearchIndices(version);
        try (Connection connection = database.getConnection()) {
            List<ProductFacts> writtenProducts = VerificationSupport.writtenProducts(connection);
            List<CategoryFacts> writtenCategories = VerificationSupport.writtenCategories(connection);
            SearchCalls.call("refresh version " + version, () -> client.indices().refresh(refresh -> refresh
                    .index(indices.products(), indices.categories())));
            List<ProductFacts> products = scan(indices.products(), "productId", SearchTarget::product);
            List<CategoryFacts> categories = scan(indices.categories(), "categoryId", SearchTarget::category);
            Set<String> touched = VerificationSupport.touchedAfter(connection, highWaterMark);
            List<String> findings = new ArrayList<>(VerificationSupport.compareProducts(writtenProducts,
                    products.stream().filter(java.util.Objects::nonNull).toList(), touched, false));
            findings.addAll(VerificationSupport.compareCategories(writtenCategories, categories, touched));
            return findings;
        } catch (SQLException e) {
            throw new DatabaseException("verification of search version " + version + " failed to read the write model", e);
        }
    }

    @Override
    public void pointReadersAt(Connection transaction, int version) {
        // Aliases are not in the database: they move after the ledger's commit.
    }

    /** Swaps both aliases in one call, after the ledger's commit (a retry swaps again, harmlessly). */
    @Override
    public void pointReadersAfterCommit(int version) {
        admin.pointAliasesAt(version);
    }

    @Override
    public void drop(int version) {
        admin.delete(version);
    }

    /** Every document of an index, in pages sorted by {@code idField} (a keyword), mapped by {@code read}. */
    private <T> List<T> scan(String index, String idField, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        scanPages(index, idField, page -> page.values().forEach(document -> items.add(read.apply(Json.mapper().valueToTree(document)))));
        return items;
    }

    /** Every document of an index, in pages (id → source) sorted by {@code idField} (a keyword), each handed to {@code consumer}. */
    private void scanPages(String index, String idField, Consumer<Map<String, Object>> consumer) {
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            SearchResponse<ObjectNode> page = SearchCalls.call("scan " + index, () -> client.search(search -> {
                search.index(index).size(PAGE).sort(sort -> sort.field(field -> field.field(idField).order(SortOrder.Asc)));
                if (searchAfter != null) {
                    search.searchAfter(searchAfter);
                }
                return search;
            }, ObjectNode.class));
            List<Hit<ObjectNode>> hits = page.hits().hits();
            Map<String, Object> documents = new LinkedHashMap<>();
            for (Hit<ObjectNode> hit : hits) {
                documents.put(hit.id(), Json.mapper().convertValue(hit.source(), Map.class));
            }
            consumer.accept(documents);
            if (hits.size() < PAGE) {
                return;
            }
            after = hits.getLast().sort();
        }
    }

    /** A product document as verification sees it; null for tombstones and documents without a product part. */
    private static ProductFacts product(JsonNode document) {
        JsonNode product = document.path("product");
        if (product.isMissingNode() || product.isNull() || product.path("deleted").asBoolean(false)) {
            return null;
        }
        JsonNode inventory = document.path("inventory");
        return new ProductFacts(document.path("tenantId").asText(), document.path("productId").asText(),
                document.at("/versions/product").asLong(), text(product, "sku"), text(product, "gtin"), text(product, "name"),
                text(product, "description"), text(product, "brand"), text(product, "status"),
                product.at("/price/amount").asText(), product.at("/price/currency").asText(), text(product, "categoryId"),
                null, document.at("/versions/inventory").asLong(0),
                inventory.isMissingNode() || inventory.isNull() ? 0 : inventory.path("stockTotal").asLong());
    }

    private static CategoryFacts category(JsonNode document) {
        JsonNode category = document.path("category");
        return new CategoryFacts(document.path("tenantId").asText(), document.path("categoryId").asText(),
                document.at("/versions/category").asLong(), text(category, "name"), text(category, "parentId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
