package dev.catalog.systemtest.pipeline;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static dev.catalog.systemtest.support.ProjectionCalls.assertNoFailures;
import static dev.catalog.systemtest.support.ProjectionCalls.assertNotDeliveredByTheMapping;
import static dev.catalog.systemtest.support.ProjectionCalls.awaitDeliveredByTheMapping;
import static dev.catalog.systemtest.support.ProjectionCalls.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ProjectionCalls;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.Tenants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The detail projection's handler on Kafka batches built from what Debezium really published: duplicates, events out
 * of order, poison. For the deterministic cases, the detail event source mapping is disabled while the test hands the
 * function its batches itself (Lambda's UpdateEventSourceMapping Enabled=false), then enabled again.
 */
class DetailProjectionIT {

    private static final String FUNCTION = "DetailProjectionFunction";

    private final CatalogStack stack = CatalogStack.get();

    @Test
    void duplicates_and_events_out_of_order_leave_the_read_model_as_the_write_model_says() {
        String tenant = Tenants.fresh("order");
        List<ConsumerRecord<String, String>> records;
        stack.stack().eventSources().setEnabled(FUNCTION, false);
        try {
            String category = call(tenant, ApiCall.to("POST /categories").json("{\"name\": \"Shoes\"}")).id();
            String id = call(tenant, ApiCall.to("POST /products").json(product(uniqueSku()))).id();
            call(tenant, ApiCall.to("PATCH /products/{id}").with("id", id).ifMatch(1).json("{\"categoryId\": \"" + category + "\"}"));
            call(tenant, ApiCall.to("PUT /products/{id}/price").with("id", id).ifMatch(2).json("{\"amount\": \"75.00\", \"currency\": \"EUR\"}"));
            call(tenant, ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id).with("warehouse", "BER-1").json("{\"quantity\": 3}"));
            call(tenant, ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id).with("warehouse", "BER-1").json("{\"quantity\": 9}"));
            call(tenant, ApiCall.to("PATCH /categories/{id}").with("id", category).ifMatch(1).json("{\"name\": \"Footwear\"}"));
            records = stack.topics().eventsOf(tenant, 7);
            List<ConsumerRecord<String, String>> newestFirst = new ArrayList<>(records);
            newestFirst.sort(Comparator.comparingLong(ProjectionCalls::sequence).reversed());

            // Each event alone, newest first: every older one arrives after a newer one of its aggregate.
            for (ConsumerRecord<String, String> record : newestFirst) {
                assertNoFailures(project(List.of(record)));
            }
            assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();

            // The whole batch twice more, as a redelivery would: nothing changes.
            assertNoFailures(project(records));
            assertNoFailures(project(records));
            assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
            JsonNode detail = stack.overHttp(ApiCall.to("GET /products/{id}").with("id", id).tenant(tenant)).json();
            assertThat(detail.at("/category/name").asText()).isEqualTo("Footwear");
            assertThat(detail.at("/price/amount").asText()).isEqualTo("75.00");
            assertThat(detail.at("/stock/total").asLong()).isEqualTo(9);
            assertThat(detail.get("version").asLong()).isEqualTo(3);
            assertNotDeliveredByTheMapping(stack, FUNCTION, records);
        } finally {
            stack.stack().eventSources().setEnabled(FUNCTION, true);
        }
        // The mapping delivers the same events once more when it resumes (it commits past them once the function
        // processed them): still exact.
        awaitDeliveredByTheMapping(stack, FUNCTION, records, Duration.ofSeconds(30));
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_its_partition_moves_on() {
        String tenant = Tenants.fresh("poison");
        String id = call(tenant, ApiCall.to("POST /products").json(product(uniqueSku()))).id();
        stack.overHttp(ApiCall.to("GET /products/{id}").with("id", id).tenant(tenant).query("minVersion", "1"));
        String key = tenant + ":" + id;
        // Same key, so the same partition, just before the product's next event.
        stack.topics().publish(CatalogTopics.EVENTS, key, "{\"product\": {\"id\": \"" + id + "\"}}", Map.of(
                "event_id", "\"0d9f5f36-0a8c-4b5e-9f0e-3b7d2c1a0000\"", "event_type", "\"ProductTeleported\"",
                "schema_version", "1", "sequence", "1", "aggregate_type", "\"product\"", "aggregate_id", "\"" + id + "\"",
                "aggregate_version", "2", "tenant_id", "\"" + tenant + "\"", "occurred_at", "\"2026-03-01T10:00:00.000000Z\""));

        ApiAnswer renamed = call(tenant, ApiCall.to("PATCH /products/{id}").with("id", id).ifMatch(1).json("{\"name\": \"After the poison\"}"));
        assertThat(renamed.status()).isEqualTo(200);

        ApiAnswer detail = stack.overHttp(ApiCall.to("GET /products/{id}").with("id", id).tenant(tenant).query("minVersion", "2"));
        assertThat(detail.header("Catalog-Stale")).isEmpty();
        assertThat(detail.json().get("name").asText()).isEqualTo("After the poison");
        List<ConsumerRecord<String, String>> letters = stack.topics().read(List.of(CatalogTopics.DEAD_LETTER),
                record -> key.equals(record.key()) && "detail".equals(header(record, "dead-letter.projection")), 1, Duration.ofSeconds(30));
        assertThat(header(letters.getFirst(), "dead-letter.reason")).contains("unknown event type ProductTeleported");
        assertThat(header(letters.getFirst(), "dead-letter.source")).startsWith(CatalogTopics.EVENTS + "-");
        assertThat(letters.getFirst().value()).isEqualTo("{\"product\": {\"id\": \"" + id + "\"}}");
    }

    @Test
    void the_sample_event_of_events_is_applied() throws Exception {
        String sample = Files.readString(Path.of(System.getProperty("catalog.project.dir", ".."), "events", FUNCTION + ".json"));

        try {
            JsonNode response = project(sample);

            assertThat(response.get("batchItemFailures")).isEmpty();
            JsonNode detail = stack.overHttp(ApiCall.to("GET /products/{id}").with("id", "6f1c2a3e-4b5d-4e6f-8a9b-0c1d2e3f4a5b")
                    .tenant("demo")).json();
            assertThat(detail.get("sku").asText()).isEqualTo("RUN-SHOE-42");
            assertThat(detail.at("/category/name").asText()).isEqualTo("Running");
            assertThat(detail.at("/stock/total").asLong()).isEqualTo(12);
        } finally {
            // The sample's aggregates exist in no write model: a rebuild that starts from the LIVE read model (a replay
            // from the middle of the log) would rightly fail verification on them.
            stack.db().execute("delete from catalog_read.product_detail where tenant_id = 'demo'");
            stack.db().execute("delete from catalog_read.category where tenant_id = 'demo'");
        }
    }

    private ApiAnswer call(String tenant, ApiCall call) {
        ApiAnswer answer = stack.overHttp(call.tenant(tenant));
        assertThat(answer.status()).as(answer.toString()).isLessThan(300);
        return answer;
    }

    private JsonNode project(List<ConsumerRecord<String, String>> records) {
        return ProjectionCalls.invoke(stack, FUNCTION, records);
    }

    private JsonNode project(String kafkaEvent) {
        return ProjectionCalls.invoke(stack, FUNCTION, kafkaEvent);
    }
}
