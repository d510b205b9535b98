package dev.catalog.systemtest.search;

import static dev.catalog.systemtest.search.ProductDraft.aProduct;
import static dev.catalog.systemtest.support.ProjectionCalls.assertNoFailures;
import static dev.catalog.systemtest.support.ProjectionCalls.assertNotDeliveredByTheMapping;
import static dev.catalog.systemtest.support.ProjectionCalls.awaitDeliveredByTheMapping;
import static dev.catalog.systemtest.support.ProjectionCalls.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ProjectionCalls;
import dev.catalog.systemtest.support.Tenants;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/**
 * The search projection's handler on Kafka batches built from what Debezium really published: duplicates, events out
 * of order, poison. For the deterministic cases the search event source mapping is disabled while the test hands the
 * function its batches itself (Lambda's UpdateEventSourceMapping Enabled=false), then enabled again.
 */
class SearchProjectionIT {

    private static final String FUNCTION = "SearchProjectionFunction";

    private final CatalogStack stack = CatalogStack.get();

    @Test
    void duplicates_and_events_out_of_order_leave_search_as_the_write_model_says() {
        String tenant = Tenants.fresh("search-order");
        TenantCatalog catalog = new TenantCatalog(stack, tenant);
        TenantSearch search = new TenantSearch(stack, tenant);
        List<ConsumerRecord<String, String>> records;
        stack.stack().eventSources().setEnabled(FUNCTION, false);
        try {
            String shoes = catalog.category("Shoes", null);
            String id = catalog.product(aProduct("ORD-1", "Trail Run Shoe").brand("Stride"));
            catalog.fileUnder(id, 1, shoes);
            catalog.reprice(id, 2, "75.00", "EUR");
            catalog.stock(id, "BER-1", 3);
            catalog.stock(id, "BER-1", 9);
            catalog.renameCategory(shoes, 1, "Footwear");
            records = stack.topics().eventsOf(tenant, 7);
            List<ConsumerRecord<String, String>> newestFirst = new ArrayList<>(records);
            newestFirst.sort(Comparator.comparingLong(ProjectionCalls::sequence).reversed());

            // Newest first, one at a time: every older event arrives after a newer one of its aggregate. The stock
            // events come before any product event: a document with stock but no product is not listed.
            for (ConsumerRecord<String, String> record : newestFirst) {
                assertNoFailures(project(List.of(record)));
                if ("\"inventory\"".equals(header(record, "aggregate_type"))) {
                    refreshProducts();
                    assertThat(search.page().get("total").asLong()).isZero();
                }
            }
            awaitAsTheWriteModelSays(search, id);

            // The whole batch twice more, as a redelivery would: nothing changes.
            assertNoFailures(project(records));
            assertNoFailures(project(records));
            awaitAsTheWriteModelSays(search, id);
            assertNotDeliveredByTheMapping(stack, FUNCTION, records);
        } finally {
            stack.stack().eventSources().setEnabled(FUNCTION, true);
        }
        // The mapping delivers the same events once more when it resumes (it commits past them once the function
        // processed them): still as the write model says.
        awaitDeliveredByTheMapping(stack, FUNCTION, records, TenantSearch.PIPELINE);
        awaitAsTheWriteModelSays(search, stack.db().text("select id::text from product where tenant_id = ?", tenant));
    }

    @Test
    void a_product_found_in_search_is_gone_once_its_delete_is_applied_and_stays_gone_whatever_arrives_late() {
        String tenant = Tenants.fresh("search-delete");
        TenantCatalog catalog = new TenantCatalog(stack, tenant);
        TenantSearch search = new TenantSearch(stack, tenant);
        stack.stack().eventSources().setEnabled(FUNCTION, false);
        try {
            String id = catalog.product(aProduct("DEL-1", "Doomed Trail Shoe"));
            catalog.stock(id, "BER-1", 4);
            catalog.delete(id, 1);
            List<ConsumerRecord<String, String>> records = new ArrayList<>(stack.topics().eventsOf(tenant, 3));
            records.sort(Comparator.comparingLong(ProjectionCalls::sequence));
            ConsumerRecord<String, String> created = records.get(0);
            ConsumerRecord<String, String> stocked = records.get(1);
            ConsumerRecord<String, String> deleted = records.get(2);

            assertNoFailures(project(List.of(created)));
            refreshProducts();
            assertThat(search.skus("q", "doomed")).as("found before the delete").containsExactly("DEL-1");

            // The delete, then the stock event arriving late: it must not bring the product back.
            assertNoFailures(project(List.of(deleted)));
            assertNoFailures(project(List.of(stocked)));
            refreshProducts();
            assertThat(search.skus("q", "doomed")).isEmpty();
            assertThat(search.page().get("total").asLong()).isZero();
        } finally {
            stack.stack().eventSources().setEnabled(FUNCTION, true);
        }
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_its_partition_moves_on() {
        String tenant = Tenants.fresh("search-poison");
        TenantCatalog catalog = new TenantCatalog(stack, tenant);
        TenantSearch search = new TenantSearch(stack, tenant);
        String id = catalog.product(aProduct("POI-1", "Before the poison"));
        search.awaitTotal(1);
        String key = tenant + ":" + id;
        // Same key, so the same partition, just before the product's next event.
        stack.topics().publish(CatalogTopics.EVENTS, key, "{\"product\": {\"id\": \"" + id + "\"}}", Map.of(
                "event_id", "\"7a3c2b1d-0e9f-4a8b-b7c6-d5e4f3a2b100\"", "event_type", "\"ProductTeleported\"",
                "schema_version", "1", "sequence", "1", "aggregate_type", "\"product\"", "aggregate_id", "\"" + id + "\"",
                "aggregate_version", "2", "tenant_id", "\"" + tenant + "\"", "occurred_at", "\"2026-03-01T10:00:00.000000Z\""));

        catalog.rename(id, 1, "After the poison");

        search.awaitPage(page -> assertThat(TenantSearch.items(page)).extracting(item -> item.get("name").asText())
                .containsExactly("After the poison"), "q", "POI-1");
        ConsumerRecord<String, String> letter = deadLetter(key);
        assertThat(header(letter, "dead-letter.reason")).contains("unknown event type ProductTeleported");
        assertThat(header(letter, "dead-letter.source")).startsWith(CatalogTopics.EVENTS + "-");
        assertThat(letter.value()).isEqualTo("{\"product\": {\"id\": \"" + id + "\"}}");
    }

    @Test
    void an_event_the_index_refuses_goes_to_the_dead_letter_topic() {
        String owner = Tenants.fresh("search-owner");
        String intruder = Tenants.fresh("search-intruder");
        String id = new TenantCatalog(stack, owner).product(aProduct("OWN-1", "Owned product"));
        new TenantSearch(stack, owner).awaitTotal(1);
        ConsumerRecord<String, String> created = stack.topics().eventsOf(owner, 1).getFirst();
        // The same product's event claiming another tenant: the document of that id belongs to the owner.
        RecordHeaders headers = new RecordHeaders();
        created.headers().forEach(header -> headers.add(header.key(), header.key().equals("tenant_id")
                ? ("\"" + intruder + "\"").getBytes(StandardCharsets.UTF_8) : header.value()));
        ConsumerRecord<String, String> forged = new ConsumerRecord<>(created.topic(), created.partition(), created.offset(),
                created.timestamp(), created.timestampType(), -1, -1, intruder + ":" + id, created.value(), headers, Optional.empty());

        assertNoFailures(project(List.of(forged)));

        ConsumerRecord<String, String> letter = deadLetter(intruder + ":" + id);
        assertThat(header(letter, "dead-letter.reason")).contains("belongs to another tenant");
        assertThat(new TenantSearch(stack, intruder).page().get("total").asLong()).isZero();
        assertThat(new TenantSearch(stack, owner).skus()).containsExactly("OWN-1");
    }

    private void awaitAsTheWriteModelSays(TenantSearch search, String id) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertAsTheWriteModelSays(search, id));
    }

    /** The search lists the product as the write model holds it: details, price, category, stock, version. */
    private void assertAsTheWriteModelSays(TenantSearch search, String id) {
        Map<String, Object> written = stack.db().row("""
                select p.sku, p.name, p.price_amount::text as price, p.version, c.name as category,
                       (select sum(quantity) from stock_level s where s.tenant_id = p.tenant_id and s.product_id = p.id) as stock
                  from product p join category c on c.tenant_id = p.tenant_id and c.id = p.category_id
                 where p.id = ?::uuid""", id);
        JsonNode page = search.page();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode item = TenantSearch.items(page).getFirst();
        assertThat(item.get("id").asText()).isEqualTo(id);
        assertThat(item.get("name").asText()).isEqualTo(written.get("name"));
        assertThat(new BigDecimal(item.at("/price/amount").asText())).isEqualByComparingTo((String) written.get("price"));
        assertThat(item.get("version").asLong()).isEqualTo(((Number) written.get("version")).longValue());
        assertThat(item.at("/category/name").asText()).isEqualTo(written.get("category"));
        assertThat(item.get("stockTotal").asLong()).isEqualTo(((Number) written.get("stock")).longValue());
        assertThat(page.at("/facets/category/0/name").asText()).isEqualTo(written.get("category"));
    }

    /** Makes what was written searchable now, instead of at the next periodic refresh. */
    private void refreshProducts() {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    stack.stack().openSearchUrl().resolve("/products/_refresh")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(response.statusCode()).isEqualTo(200);
        } catch (IOException e) {
            throw new AssertionError("OpenSearch did not refresh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private ConsumerRecord<String, String> deadLetter(String key) {
        return stack.topics().read(List.of(CatalogTopics.DEAD_LETTER),
                record -> key.equals(record.key()) && "search".equals(header(record, "dead-letter.projection")), 1,
                Duration.ofSeconds(30)).getFirst();
    }

    private JsonNode project(List<ConsumerRecord<String, String>> records) {
        return ProjectionCalls.invoke(stack, FUNCTION, records);
    }
}
