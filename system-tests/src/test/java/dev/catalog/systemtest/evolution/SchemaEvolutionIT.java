package dev.catalog.systemtest.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.domain.product.Attributes;
import dev.catalog.domain.product.Brand;
import dev.catalog.domain.product.Description;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.ProductCreated;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.product.ProductName;
import dev.catalog.domain.product.ProductPriceChanged;
import dev.catalog.domain.product.ProductState;
import dev.catalog.domain.product.ProductStatus;
import dev.catalog.domain.product.Sku;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.eventsources.MappingStatus;
import dev.catalog.platform.events.EncodedEvent;
import dev.catalog.platform.events.EventCodec;
import dev.catalog.platform.events.OutboxRow;
import dev.catalog.platform.events.OutboxWriter;
import dev.catalog.platform.json.Json;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.Rebuilds;
import dev.catalog.systemtest.support.SearchModelCheck;
import dev.catalog.systemtest.support.Tenants;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The model changed under a log that is kept forever (issue 14): products got a GTIN and the events carrying a
 * product went from schema version 1 to 2. The previous release's products are written here as it wrote them (write
 * model rows without a GTIN, version-1 events in the outbox, in one transaction), then this release carries on in the
 * middle of that stream through the HTTP API (new products with GTINs, old ones given one: a version-2 event over a
 * version-1 history). Both read models are rebuilt from the mixed log through the state machine; afterwards every
 * product is found by its GTIN, in another written form, and by text, exactly as the write model holds it.
 */
class SchemaEvolutionIT {

    private static final Duration REBUILD = Duration.ofMinutes(5);
    private static final Duration SETTLE = Duration.ofSeconds(60);

    private final CatalogStack stack = CatalogStack.get();
    private Rebuilds rebuilds;

    @BeforeEach
    void connect() {
        rebuilds = new Rebuilds(stack.stack().awsEndpoint().url());
    }

    @AfterEach
    void disconnect() {
        rebuilds.close();
    }

    @Test
    void a_log_of_version_1_and_version_2_events_rebuilds_both_read_models_where_every_product_is_found_by_gtin_and_text()
            throws SQLException {
        String tenant = Tenants.fresh("evolve");
        Map<String, String> words = new LinkedHashMap<>();

        // The previous release: ten products, half of them repriced, all in version 1.
        List<String> previous = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String word = word();
            String id = previousRelease(tenant, "Lantern " + word, i % 2 == 0);
            previous.add(id);
            words.put(id, word);
        }
        // This release, mid-stream: new products with GTINs, old ones given one, one old one renamed without.
        for (int i = 0; i < 6; i++) {
            String word = word();
            String body = """
                    {"sku": "NEW-%s", "gtin": "%s", "name": "Compass %s", "price": {"amount": "12.50", "currency": "EUR"}}
                    """.formatted(UUID.randomUUID().toString().substring(0, 8), gtin13(), word);
            words.put(call(tenant, ApiCall.to("POST /products").json(body)).id(), word);
        }
        for (String id : previous.subList(0, 5)) {
            long version = stack.db().count("select version from product where tenant_id = ? and id = ?::uuid", tenant, id);
            call(tenant, ApiCall.to("PATCH /products/{id}").with("id", id).ifMatch(version).json("{\"gtin\": \"" + gtin13() + "\"}"));
        }
        String renamed = previous.get(9);
        String newWord = word();
        words.put(renamed, newWord);
        call(tenant, ApiCall.to("PATCH /products/{id}").with("id", renamed).ifMatch(1).json("{\"name\": \"Lantern " + newWord + "\"}"));

        assertThat(stack.db().texts("select distinct schema_version::text from outbox where tenant_id = ? order by 1", tenant))
                .as("the tenant's log mixes both versions").containsExactly("1", "2");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty());
        long liveDetail = version(Rebuilds.live(stack.db(), "detail"));
        long liveSearch = version(Rebuilds.live(stack.db(), "search"));

        String execution = rebuilds.start("{\"projection\": \"all\"}");
        DescribeExecutionResponse result = rebuilds.awaitEnd(execution, REBUILD);

        assertThat(result.status()).as(result.error() + ": " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(version(Rebuilds.live(stack.db(), "detail"))).isGreaterThan(liveDetail);
        assertThat(version(Rebuilds.live(stack.db(), "search"))).isGreaterThan(liveSearch);
        assertThat(stack.db().text("select read_schema_has_gtin(target)::text from projection_version"
                + " where projection = 'detail' and status = 'LIVE'")).isEqualTo("true");
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
        await().atMost(SETTLE).untilAsserted(() -> assertThat(SearchModelCheck.differences(stack, tenant)).isEmpty());

        List<Map<String, Object>> written = stack.db().rows("select id::text as id, gtin from product where tenant_id = ?", tenant);
        assertThat(written).hasSize(16);
        assertThat(written).filteredOn(row -> row.get("gtin") != null).hasSize(11);
        for (Map<String, Object> product : written) {
            String id = (String) product.get("id");
            String gtin = (String) product.get("gtin");
            JsonNode detail = call(tenant, ApiCall.to("GET /products/{id}").with("id", id)).json();
            assertThat(detail.path("gtin").isNull() ? null : detail.get("gtin").asText()).as("detail of %s", id).isEqualTo(gtin);
            JsonNode byText = search(tenant, "q", words.get(id));
            assertThat(byText.get("items")).extracting(item -> item.get("id").asText()).as("found by text: %s", words.get(id)).contains(id);
            if (gtin != null) {
                // A scanner reading the GTIN-14 form of a GTIN-13 finds the product, and only it.
                JsonNode byGtin = search(tenant, "gtin", "0" + gtin);
                assertThat(byGtin.get("items")).extracting(item -> item.get("id").asText()).containsExactly(id);
                assertThat(byGtin.at("/items/0/gtin").asText()).isEqualTo(gtin);
            }
        }
    }

    /**
     * A command function of a newer release (schema version 3) writes while the projections still run this one: the
     * event is not poison, so it is never dead-lettered; its partition waits at it, retried by the event source, and
     * an event after it on the same partition is not applied before it. (Applying it once the code knows version 3
     * takes a redeploy, which this stack cannot do: ProjectionBatchTest shows the next release applying the very
     * records that waited.) The event source retries without limit, so the test moves the consumer groups past the
     * record itself at the end, leaving the partition free for the tests after it.
     */
    @Test
    void an_event_of_a_newer_schema_version_waits_retried_in_order_and_is_never_dead_lettered() {
        String tenant = Tenants.fresh("newer");
        String id = call(tenant, ApiCall.to("POST /products").json("""
                {"sku": "WAIT-1", "name": "Waiting Lamp", "price": {"amount": "30.00", "currency": "EUR"}}""")).id();
        call(tenant, ApiCall.to("GET /products/{id}").with("id", id).query("minVersion", "1"));
        MappingStatus before = mapping("DetailProjectionFunction");
        Map<String, Object> created = stack.db().row(
                "select sequence, payload::text as payload from outbox where tenant_id = ? and aggregate_id = ?", tenant, id);
        String key = tenant + ":" + id;

        // Version 3 first, then an event of a version this code reads, on the same key, so the same partition.
        stack.topics().publish(CatalogTopics.EVENTS, key, payload(created, 2, "Written in version 3"),
                headers(tenant, id, "ProductDetailsChanged", 3, 2, (Long) created.get("sequence")));
        stack.topics().publish(CatalogTopics.EVENTS, key, payload(created, 3, "After it"),
                headers(tenant, id, "ProductDetailsChanged", 2, 3, (Long) created.get("sequence")));

        await().atMost(Duration.ofSeconds(60)).until(() -> mapping("DetailProjectionFunction").retries() >= before.retries() + 2);
        assertThat(detailVersion(tenant, id)).as("nothing after the waiting event overtook it").isEqualTo(1);
        assertThat(deadLettered(key)).as("dead letters of the product").isEmpty();

        // The event source retries it for as long as it takes (no retry limit: nothing is lost). This stack cannot
        // deploy the release that knows version 3, so the test does what an operator would do if that release were
        // withdrawn: with the mappings disabled, it moves both consumer groups past the record, then lets them go on.
        ConsumerRecord<String, String> waiting = stack.topics().read(List.of(CatalogTopics.EVENTS),
                record -> key.equals(record.key()) && "3".equals(header(record, "schema_version")), 1, Duration.ofSeconds(30)).getFirst();
        skip(waiting, "DetailProjectionFunction", "SearchProjectionFunction");
        await().atMost(SETTLE).until(() -> detailVersion(tenant, id) == 3);
        assertThat(stack.db().text("select name from catalog_read.product_detail where tenant_id = ? and id = ?::uuid", tenant, id))
                .isEqualTo("After it");
        assertThat(deadLettered(key)).isEmpty();

        // The records above went to Kafka only, so the read models now hold a version the write model and the event
        // log never had. The tests after this one share the stack, and a rebuild verifies every tenant against the
        // write model: the same two changes go through the command API, as the newer release would have written them,
        // so the write model, the log and the read models agree again (the projections skip versions they hold).
        call(tenant, ApiCall.to("PATCH /products/{id}").with("id", id).ifMatch(1).json("""
                {"name": "Written in version 3"}"""));
        call(tenant, ApiCall.to("PATCH /products/{id}").with("id", id).ifMatch(2).json("""
                {"name": "After it"}"""));
    }

    private void skip(ConsumerRecord<String, String> record, String... functions) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        for (String function : functions) {
            stack.stack().eventSources().setEnabled(function, false);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.stack().kafkaBootstrapServers()))) {
            for (String function : functions) {
                admin.alterConsumerGroupOffsets(mapping(function).consumerGroup(),
                        Map.of(partition, new OffsetAndMetadata(record.offset() + 1))).all().get();
            }
        } catch (Exception e) {
            throw new AssertionError("cannot move the consumer groups past " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        } finally {
            for (String function : functions) {
                stack.stack().eventSources().setEnabled(function, true);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private MappingStatus mapping(String function) {
        return stack.stack().eventSources().status().stream()
                .filter(mapping -> mapping.function().equals(function)).findFirst().orElseThrow();
    }

    private long detailVersion(String tenant, String id) {
        return stack.db().count("select version from catalog_read.product_detail where tenant_id = ? and id = ?::uuid", tenant, id);
    }

    /** Every record of the dead-letter topic with this key, read from its start to its end as of now. */
    private List<String> deadLettered(String key) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.stack().kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(CatalogTopics.DEAD_LETTER).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> found = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(record.value());
                    }
                }
            }
            return found;
        }
    }

    /** The product's created payload at another version and name (a details change of the name). */
    private static String payload(Map<String, Object> created, long version, String name) {
        ObjectNode payload = (ObjectNode) Json.mapper().valueToTree(Json.read((String) created.get("payload"), Map.class));
        ObjectNode product = (ObjectNode) payload.get("product");
        product.put("version", version);
        product.put("name", name);
        payload.putArray("changed").add("name");
        return Json.write(payload);
    }

    private static Map<String, String> headers(String tenant, String id, String type, int schemaVersion, long version,
                                               long sequence) {
        return Map.of("event_id", "\"" + UUID.randomUUID() + "\"", "event_type", "\"" + type + "\"",
                "schema_version", Integer.toString(schemaVersion), "sequence", Long.toString(sequence),
                "aggregate_type", "\"product\"", "aggregate_id", "\"" + id + "\"", "aggregate_version", Long.toString(version),
                "tenant_id", "\"" + tenant + "\"", "occurred_at", "\"2026-03-01T10:00:00.000000Z\"");
    }

    /**
     * A product created, and maybe repriced, the way the previous release's command functions did: the write model
     * row without a GTIN and version-1 events (no {@code gtin} in the product), in one transaction.
     *
     * @return the product's id
     */
    private String previousRelease(String tenant, String name, boolean repriced) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ProductState created = new ProductState(new TenantId(tenant), new ProductId(UUID.randomUUID()),
                new Sku("OLD-" + UUID.randomUUID().toString().substring(0, 8)), null, new ProductName(name),
                new Description("Written by the previous release."), new Brand("Oldco"), null,
                Price.of(new BigDecimal("20.00"), "EUR"), ProductStatus.ACTIVE, Attributes.NONE, 1, now, now);
        List<ProductEvent> events = new ArrayList<>(List.of(new ProductCreated(created)));
        ProductState last = created;
        if (repriced) {
            last = new ProductState(created.tenant(), created.id(), created.sku(), null, created.name(), created.description(),
                    created.brand(), null, Price.of(new BigDecimal("18.00"), "EUR"), created.status(), created.attributes(),
                    2, now, now);
            events.add(new ProductPriceChanged(last, created.price()));
        }
        try (Connection connection = stack.db().connection().open()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into product (tenant_id, id, sku, name, description, brand, category_id, price_amount, price_currency,
                                         status, attributes, version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, null, ?, 'EUR', 'ACTIVE', '{}'::jsonb, ?, ?, ?)""");
                 OutboxWriter outbox = new OutboxWriter(connection)) {
                insert.setString(1, tenant);
                insert.setObject(2, last.id().value());
                insert.setString(3, last.sku().value());
                insert.setString(4, last.name().value());
                insert.setString(5, last.description().value());
                insert.setString(6, last.brand().value());
                insert.setBigDecimal(7, last.price().amount());
                insert.setLong(8, last.version());
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setTimestamp(10, Timestamp.from(now));
                insert.executeUpdate();
                for (ProductEvent event : events) {
                    outbox.add(asVersion1(event));
                }
                outbox.flush();
            }
            connection.commit();
        }
        return created.id().toString();
    }

    /** The outbox row the previous release wrote for {@code event}: version 1, whose product has no gtin. */
    private static OutboxRow asVersion1(ProductEvent event) {
        EncodedEvent current = EventCodec.encode(event);
        ObjectNode payload = (ObjectNode) Json.mapper().valueToTree(Json.read(current.payload(), Map.class));
        ((ObjectNode) payload.get("product")).remove("gtin");
        return new OutboxRow(UUID.randomUUID(), event.tenant().value(), event.aggregateType().wireName(), event.aggregateId(),
                event.aggregateVersion(), current.eventType(), 1, event.occurredAt(), null, Json.write(payload));
    }

    private JsonNode search(String tenant, String parameter, String value) {
        return call(tenant, ApiCall.to("GET /products/search").query(parameter, value)).json();
    }

    private ApiAnswer call(String tenant, ApiCall call) {
        ApiAnswer answer = stack.overHttp(call.tenant(tenant));
        assertThat(answer.status()).as(answer.toString()).isLessThan(300);
        return answer;
    }

    /** A word no other product of the test has: letters only, so it is one token and stems to itself or close. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    /** A random GTIN-13 with its GS1 check digit. */
    private static String gtin13() {
        StringBuilder digits = new StringBuilder("40");
        for (int i = 0; i < 10; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return digits.append((10 - sum % 10) % 10).toString();
    }

    private static long version(Map<String, Object> row) {
        return ((Number) row.get("version")).longValue();
    }
}
