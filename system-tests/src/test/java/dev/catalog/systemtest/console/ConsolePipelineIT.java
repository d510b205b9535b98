package dev.catalog.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.stack.StackStatus;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.Tenants;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.TimeoutException;

/** The console's pipeline page, in a real browser: each stage as the stack reports it, the lag chart, parked records. */
class ConsolePipelineIT extends BrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();


    @Test
    void each_stage_shows_the_state_the_stack_reports() {
        browser.go("#/pipeline");
        StackStatus status = stack.stack().status();

        for (Map.Entry<String, String> stage : Map.of("postgres", "PostgreSQL", "debezium", "Debezium Server", "kafka", "Kafka").entrySet()) {
            assertThat(browser.text("[data-stage='" + stage.getKey() + "'] .stage-head .badge"))
                    .as(stage.getValue()).isEqualTo(state(status, stage.getValue()));
        }
        assertThat(browser.text("[data-stage='opensearch'] .badge")).isEqualTo(state(status, "OpenSearch"));
        for (StackStatus.EventSource source : status.eventSources()) {
            assertThat(browser.text("[data-function='" + source.function() + "'] .badge")).isEqualTo(source.state());
        }
        for (StackStatus.Projection projection : status.projections().stream().filter(p -> p.status().equals("LIVE")).toList()) {
            assertThat(browser.text("[data-projection='" + projection.projection() + "'] .mini-name"))
                    .isEqualTo(projection.projection() + " v" + projection.version());
        }
        assertThat(browser.attributes("[data-service]", "data-service")).containsExactlyElementsOf(status.services().stream().map(StackStatus.Service::name).toList());
    }

    @Test
    void the_chart_plots_the_batch_of_a_command_from_its_commit_to_the_read_models_commit() throws Exception {
        browser.go("#/pipeline");
        browser.find("#lag-chart canvas");
        String tenant = Tenants.fresh("console-lag");
        // The sampler reads each partition's newest batch once a second, so a batch that another follows on its
        // partition within that second (Debezium's heartbeat, every 5 s) is never plotted: then a new command is timed.
        for (int attempt = 1; ; attempt++) {
            Optional<DetailBatch> batch = detailBatchOfANewCategory(tenant);
            Optional<JsonNode> plotted = batch.flatMap(this::plotted);
            if (plotted.isPresent()) {
                assertThat(plotted.get().path("lagMillis").asLong()).isEqualTo(batch.get().lagMillis());
                break;
            }
            assertThat(batch.isEmpty() || followedOnItsPartition(batch.get()))
                    .as("the detail batch of a new category, its partition not moved on since, is plotted").isTrue();
            assertThat(attempt).as("attempts, each superseded on its partition before it was sampled").isLessThan(3);
        }
        browser.await(Duration.ofSeconds(15), page -> batches("detail") > 0 && batches("search") > 0);
        assertThat(browser.text(".lag-figure[data-projection='detail'] dd")).startsWith("median ");
        browser.screenshot("pipeline");
    }

    @Test
    void a_record_no_projection_can_decode_counts_on_the_dead_letter_topic() {
        browser.go("#/pipeline");
        long before = Long.parseLong(browser.await(page -> {
            String records = browser.attribute("#dead-letters .big-number", "data-records");
            return records.isEmpty() ? null : records;
        }));
        String tenant = Tenants.fresh("console-poison");
        String id = UUID.randomUUID().toString();
        stack.topics().publish(CatalogTopics.EVENTS, tenant + ":" + id, "{\"not\": \"an event\"}", Map.of(
                "event_id", "\"" + UUID.randomUUID() + "\"", "event_type", "\"ProductTeleported\"", "schema_version", "1",
                "sequence", "1", "aggregate_type", "\"product\"", "aggregate_id", "\"" + id + "\"", "aggregate_version", "1",
                "tenant_id", "\"" + tenant + "\"", "occurred_at", "\"2026-03-01T10:00:00.000000Z\""));

        // Each projection refuses it on its own, and parks it with its own reason.
        browser.await(Duration.ofSeconds(30), page ->
                browser.attribute("#dead-letters .big-number", "data-records").equals(Long.toString(before + 2)));
        assertThat(browser.attribute("#dead-letters", "class")).contains("parked-alert");
    }

    /** The batch that applied a category's event to the detail read model, and how long after its commit. */
    private record DetailBatch(Instant appliedAt, long lagMillis, String partition, long sequence) {
    }

    /**
     * Creates a category and finds the batch that applied its event to the detail read model: when its transaction
     * committed, and how long after the event's commit. Empty when a later batch on the same partition has already
     * replaced that partition's progress.
     */
    private Optional<DetailBatch> detailBatchOfANewCategory(String tenant) {
        ApiAnswer created = stack.overHttp(ApiCall.to("POST /categories").tenant(tenant).json("{\"name\": \"Lag\"}"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(stack.overHttp(ApiCall.to("GET /categories/{id}").with("id", created.id()).tenant(tenant)
                .query("minVersion", "1")).status()).isEqualTo(200);
        List<Map<String, Object>> batches = stack.db().rows("""
                select p.last_applied_at, o.occurred_at, p.topic_partition, p.last_sequence
                  from outbox o
                  join projection_progress p on p.last_sequence = o.sequence and p.projection = 'detail'
                  join projection_version v on v.projection = p.projection and v.version = p.version and v.status = 'LIVE'
                 where o.tenant_id = ? and o.aggregate_type = 'category' and o.aggregate_id = ?
                """, tenant, created.id());
        return batches.stream().findFirst().map(batch -> {
            Instant appliedAt = ((Timestamp) batch.get("last_applied_at")).toInstant();
            long lag = Duration.between(((Timestamp) batch.get("occurred_at")).toInstant(), appliedAt).toMillis();
            return new DetailBatch(appliedAt, lag, (String) batch.get("topic_partition"), ((Number) batch.get("last_sequence")).longValue());
        });
    }

    /** The chart's sample of that batch, once the page has it; empty if it does not come within 15 s. */
    private Optional<JsonNode> plotted(DetailBatch batch) {
        try {
            return Optional.of(browser.await(Duration.ofSeconds(15), page -> {
                JsonNode samples = pipelineAsThePageReadsIt().path("lag").path("samples");
                return StreamSupport.stream(samples.spliterator(), false)
                        .filter(sample -> sample.path("projection").asText().equals("detail")
                                && Instant.parse(sample.path("appliedAt").asText()).equals(batch.appliedAt()))
                        .findFirst().orElse(null);
            }));
        } catch (TimeoutException notPlotted) {
            return Optional.empty();
        }
    }

    /** Whether a later detail batch moved the batch's partition on, which can hide it from the once-a-second sampler. */
    private boolean followedOnItsPartition(DetailBatch batch) {
        return stack.db().count("""
                select count(*) from projection_progress p
                  join projection_version v on v.projection = p.projection and v.version = p.version and v.status = 'LIVE'
                 where p.projection = 'detail' and p.topic_partition = ? and p.last_sequence > ?
                """, batch.partition(), batch.sequence()) > 0;
    }

    /** The console's pipeline JSON, fetched by the page's own origin as its script does. */
    private JsonNode pipelineAsThePageReadsIt() {
        Object text = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1]; fetch('/console/pipeline').then(r => r.text()).then(done)");
        try {
            return JSON.readTree((String) text);
        } catch (java.io.IOException e) {
            throw new AssertionError("the console answered no JSON: " + text, e);
        }
    }

    private long batches(String projection) {
        return Long.parseLong(browser.attribute(".lag-figure[data-projection='" + projection + "']", "data-batches"));
    }

    private static String state(StackStatus status, String service) {
        return status.services().stream().filter(candidate -> candidate.name().equals(service)).findFirst().orElseThrow().state();
    }
}
