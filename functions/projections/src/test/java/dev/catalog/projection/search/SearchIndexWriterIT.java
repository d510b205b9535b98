package dev.catalog.projection.search;

import static dev.catalog.search.testing.TestCatalog.batch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductId;
import dev.catalog.local.process.FreePorts;
import dev.catalog.platform.failure.ServiceUnavailableException;
import dev.catalog.search.client.SearchClients;
import dev.catalog.search.client.SearchSettings;
import dev.catalog.search.document.CategoryDocument;
import dev.catalog.search.document.ProductDocument;
import dev.catalog.search.index.SearchIndexAdmin;
import dev.catalog.search.index.SearchIndices;
import dev.catalog.search.testing.OpenSearchExtension;
import dev.catalog.search.testing.TestCatalog;
import dev.catalog.search.testing.TestIndices;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;

@ExtendWith(OpenSearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIndexWriterIT {

    private OpenSearchClient client;
    private SearchIndexWriter writer;
    private SearchIndices indices;
    private TestCatalog acme;

    @BeforeAll
    void connect(OpenSearchClient client) {
        this.client = client;
        this.writer = new SearchIndexWriter(client);
    }

    @BeforeEach
    void freshIndices() {
        indices = TestIndices.createFresh(client);
        acme = new TestCatalog("acme");
    }

    @Test
    void writes_each_event_into_its_part_of_the_document() throws IOException {
        CategoryEvent shoes = acme.createCategory("Shoes", null);
        ProductEvent created = acme.product("RUN-1", "Run Shoe").brand("Stride").category(shoes.category().id())
                .price("89.90").attribute("color", "blue").description("Light and grippy.").create();
        InventoryEvent stocked = acme.setStock(created.product().id(), "berlin", 7);

        List<WriteOutcome> outcomes = writer.apply(indices, batch(shoes, created, stocked));

        assertThat(outcomes).allMatch(WriteOutcome.Applied.class::isInstance);
        ProductDocument document = product(created.product().id());
        assertThat(document.tenantId()).isEqualTo("acme");
        assertThat(document.productId()).isEqualTo(created.product().id().toString());
        assertThat(document.product().sku()).isEqualTo("RUN-1");
        assertThat(document.product().name()).isEqualTo("Run Shoe");
        assertThat(document.product().brand()).isEqualTo("Stride");
        assertThat(document.product().categoryId()).isEqualTo(shoes.category().id().toString());
        assertThat(document.product().price().amount()).isEqualTo("89.90");
        assertThat(document.product().price().currency()).isEqualTo("EUR");
        assertThat(document.product().attributes()).containsEntry("color", "blue");
        assertThat(document.product().attributeFacets()).containsExactly("color=blue");
        assertThat(document.product().deleted()).isFalse();
        assertThat(document.inventory().stockTotal()).isEqualTo(7);
        assertThat(document.inventory().inStock()).isTrue();
        assertThat(document.versions()).isEqualTo(new ProductDocument.Versions(1L, 1L));
        CategoryDocument category = category(shoes.category().id());
        assertThat(category.category()).isEqualTo(new CategoryDocument.CategoryPart("Shoes", null));
    }

    @Test
    void the_same_event_twice_is_stale_the_second_time() throws IOException {
        ProductEvent created = acme.product("RUN-1", "Run Shoe").create();

        assertThat(writer.apply(indices, batch(created))).singleElement().isInstanceOf(WriteOutcome.Applied.class);
        assertThat(writer.apply(indices, batch(created))).singleElement().isInstanceOf(WriteOutcome.Stale.class);
        assertThat(product(created.product().id()).versions().product()).isEqualTo(1L);
    }

    @Test
    void an_older_event_after_a_newer_one_changes_nothing() throws IOException {
        ProductEvent created = acme.product("RUN-1", "Run Shoe").price("10.00").create();
        ProductEvent repriced = acme.changePrice(created.product().id(), "12.50");
        ProductEvent renamed = acme.rename(created.product().id(), "Trail Run Shoe");

        List<WriteOutcome> outcomes = writer.apply(indices, batch(renamed, created, repriced));

        assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Applied", "Stale", "Stale");
        ProductDocument document = product(created.product().id());
        assertThat(document.product().name()).isEqualTo("Trail Run Shoe");
        assertThat(document.product().price().value()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(document.versions().product()).isEqualTo(3L);
    }

    @Test
    void stock_that_arrives_before_its_product_waits_in_a_partial_document() throws IOException {
        ProductEvent created = acme.product("RUN-1", "Run Shoe").create();
        InventoryEvent stocked = acme.setStock(created.product().id(), "berlin", 3);

        writer.apply(indices, batch(stocked));
        ProductDocument partial = product(created.product().id());
        assertThat(partial.product()).isNull();
        assertThat(partial.inventory().stockTotal()).isEqualTo(3);

        writer.apply(indices, batch(created));
        ProductDocument whole = product(created.product().id());
        assertThat(whole.product().name()).isEqualTo("Run Shoe");
        assertThat(whole.inventory().stockTotal()).isEqualTo(3);
        assertThat(whole.versions()).isEqualTo(new ProductDocument.Versions(1L, 1L));
    }

    @Test
    void a_deleted_product_stays_a_tombstone_whatever_arrives_late() throws IOException {
        ProductEvent created = acme.product("RUN-1", "Run Shoe").create();
        ProductEvent repriced = acme.changePrice(created.product().id(), "25.00");
        InventoryEvent stocked = acme.setStock(created.product().id(), "berlin", 5);
        ProductEvent deleted = acme.delete(created.product().id());

        List<WriteOutcome> outcomes = writer.apply(indices, batch(created, deleted, repriced, stocked, created));

        // The deletion is the product's newest event of the batch: it is written in place of the others.
        assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Stale", "Applied", "Stale", "Applied", "Stale");
        ProductDocument tombstone = product(created.product().id());
        assertThat(tombstone.product().deleted()).isTrue();
        assertThat(tombstone.product().name()).isNull();
        assertThat(tombstone.versions().product()).isEqualTo(deleted.aggregateVersion());
    }

    @Test
    void several_events_of_one_aggregate_in_a_batch_write_its_part_once() throws IOException {
        ProductEvent created = acme.product("RUN-1", "Run Shoe").price("10.00").create();
        ProductEvent repriced = acme.changePrice(created.product().id(), "12.50");
        ProductEvent renamed = acme.rename(created.product().id(), "Trail Run Shoe");
        InventoryEvent stocked = acme.setStock(created.product().id(), "berlin", 3);
        InventoryEvent restocked = acme.setStock(created.product().id(), "berlin", 7);

        List<WriteOutcome> outcomes = writer.apply(indices, batch(created, stocked, repriced, restocked, renamed));

        assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Stale", "Stale", "Stale", "Applied", "Applied");
        ProductDocument document = product(created.product().id());
        assertThat(document.product().name()).isEqualTo("Trail Run Shoe");
        assertThat(document.product().price().value()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(document.inventory().stockTotal()).isEqualTo(7);
        assertThat(document.versions()).isEqualTo(new ProductDocument.Versions(3L, 2L));
        // OpenSearch counts the document's writes: one for the product, one for the inventory, not one per event.
        assertThat(client.get(get -> get.index(indices.products()).id(created.aggregateId()), ProductDocument.class).version())
                .isEqualTo(2L);
    }

    @Test
    void when_the_newest_event_of_an_aggregate_is_refused_each_of_its_events_is_answered_for() throws IOException {
        ProductEvent acmeProduct = acme.product("RUN-1", "Run Shoe").create();
        writer.apply(indices, batch(acmeProduct));
        TestCatalog globex = new TestCatalog("globex");
        InventoryEvent clash = globex.setStock(acmeProduct.product().id(), "berlin", 9);
        InventoryEvent secondClash = globex.setStock(acmeProduct.product().id(), "berlin", 4);
        ProductEvent globexProduct = globex.product("G-1", "Globex Lamp").create();

        List<WriteOutcome> outcomes = writer.apply(indices, batch(clash, globexProduct, secondClash));

        assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Rejected", "Applied", "Rejected");
        assertThat(product(acmeProduct.product().id()).inventory()).isNull();
    }

    @Test
    void a_late_category_event_does_not_undo_a_rename() throws IOException {
        CategoryEvent created = acme.createCategory("Shoes", null);
        CategoryEvent renamed = acme.renameCategory(created.category().id(), "Footwear");

        assertThat(writer.apply(indices, batch(renamed, created))).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("Applied", "Stale");
        assertThat(category(created.category().id()).category().name()).isEqualTo("Footwear");
    }

    @Test
    void refuses_an_event_for_a_document_of_another_tenant_as_poison_and_applies_the_rest() throws IOException {
        ProductEvent acmeProduct = acme.product("RUN-1", "Run Shoe").create();
        writer.apply(indices, batch(acmeProduct));
        TestCatalog globex = new TestCatalog("globex");
        InventoryEvent clash = globex.setStock(acmeProduct.product().id(), "berlin", 9);
        ProductEvent globexProduct = globex.product("G-1", "Globex Lamp").create();

        List<WriteOutcome> outcomes = writer.apply(indices, batch(clash, globexProduct));

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(WriteOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).contains("belongs to another tenant"));
        assertThat(outcomes.get(1)).isInstanceOf(WriteOutcome.Applied.class);
        assertThat(product(acmeProduct.product().id()).inventory()).isNull();
    }

    @Test
    void a_missing_index_fails_the_batch_rather_than_poisoning_its_events() {
        ProductEvent created = acme.product("RUN-1", "Run Shoe").create();
        SearchIndices neverCreated = new SearchIndices(99_999);

        assertThatThrownBy(() -> writer.apply(neverCreated, batch(created)))
                .isInstanceOf(ServiceUnavailableException.class)
                .hasMessageContaining("index_not_found_exception");
    }

    @Test
    void an_unreachable_cluster_fails_the_batch() throws IOException {
        ProductEvent created = acme.product("RUN-1", "Run Shoe").create();
        OpenSearchClient nowhere = SearchClients.create(new SearchSettings(
                URI.create("http://127.0.0.1:" + FreePorts.next()), SearchSettings.Authentication.NONE, null));
        try {
            assertThatThrownBy(() -> new SearchIndexWriter(nowhere).apply(indices, batch(created)))
                    .isInstanceOf(ServiceUnavailableException.class)
                    .hasMessageContaining("search index unavailable");
        } finally {
            nowhere._transport().close();
        }
    }

    @Test
    void an_empty_batch_sends_nothing() {
        assertThat(new SearchIndexWriter(null).apply(indices, List.of())).isEmpty();
    }

    @Test
    void an_index_built_before_the_gtin_takes_products_without_it_and_a_newer_one_with_it() throws IOException {
        ProductEvent created = acme.product("SCAN-1", "Scanned Shoe").gtin("036000291452").create();
        SearchIndices before = new SearchIndices(indices.version() + 50_000);
        String definition = SearchIndexAdmin.productsDefinition();
        // The definition as it was before the GTIN, with dynamic: strict: a GTIN in a document would be refused.
        String previous = definition.replaceAll("(?m)^\\s*\"gtin(Key)?\": \\{[^}]*\\},\\n", "");
        assertThat(previous).doesNotContain("gtin");
        try (var response = client.generic().execute(Requests.builder().method("PUT").endpoint("/" + before.products())
                .json(previous).build())) {
            assertThat(response.getStatus()).isEqualTo(200);
        }

        List<WriteOutcome> old = new SearchIndexWriter(client).apply(before, batch(created));
        List<WriteOutcome> current = writer.apply(indices, batch(created));

        assertThat(old).singleElement().isInstanceOf(WriteOutcome.Applied.class);
        assertThat(current).singleElement().isInstanceOf(WriteOutcome.Applied.class);
        ProductDocument withoutGtin = client.get(get -> get.index(before.products()).id(created.aggregateId()),
                ProductDocument.class).source();
        assertThat(withoutGtin.product().gtin()).isNull();
        assertThat(withoutGtin.product().sku()).isEqualTo("SCAN-1");
        assertThat(product(created.product().id()).product().gtin()).isEqualTo("036000291452");
        assertThat(product(created.product().id()).product().gtinKey()).isEqualTo("00036000291452");
    }

    private ProductDocument product(ProductId id) throws IOException {
        return client.get(get -> get.index(indices.products()).id(id.toString()), ProductDocument.class).source();
    }

    private CategoryDocument category(CategoryId id) throws IOException {
        return client.get(get -> get.index(indices.categories()).id(id.toString()), CategoryDocument.class).source();
    }
}
