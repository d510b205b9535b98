package dev.catalog.systemtest.faults;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.StackClient;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.SearchModelCheck;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the fault suite holds a stack to after a stream of commands: both read models converge on the write model,
 * every 2xx answer's promise holds, every refusal changed nothing, every outbox event of the tenant is on Kafka.
 */
final class FaultCheck {

    private final StackClient stack;

    FaultCheck(StackClient stack) {
        this.stack = stack;
    }

    /**
     * Waits until both read models equal the write model for {@code tenant}, within {@code bound} (a bound, not an
     * expectation); how long it took from {@code fromNanos} is the figure.
     */
    Duration awaitConvergence(String tenant, Duration bound, long fromNanos) {
        try {
            await().atMost(bound).pollInterval(Duration.ofSeconds(1)).until(() -> differences(tenant).isEmpty());
        } catch (ConditionTimeoutException notConverged) {
            // the outcome reports what still differs
        }
        return Duration.ofNanos(System.nanoTime() - fromNanos);
    }

    /**
     * Everything the stream's answers promised, checked against the write model, both read models and Kafka.
     *
     * @param redeliveredBatches per projection function, batches delivered again during the run (empty: not counted)
     */
    FaultOutcome outcome(CommandStream stream, String fault, Map<String, Long> redeliveredBatches, Duration converged) {
        String tenant = stream.tenant();
        List<String> differences = differences(tenant);
        Map<String, Integer> deliveries = deliveries(tenant);
        List<String> lost = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        Map<String, Long> written = versions("select id::text as id, version from product where tenant_id = ?", tenant);
        checkPromises(stream, written, lost, wrong);
        compare("detail", written, versions("select id::text as id, version from catalog_read.product_detail"
                + " where tenant_id = ?", tenant), lost, wrong);
        compare("search", written, searchVersions(tenant), lost, wrong);
        deliveries.forEach((eventId, count) -> {
            if (count == 0) {
                lost.add("outbox event " + eventId + " is not on Kafka");
            }
        });
        return new FaultOutcome(fault, stream, lost, wrong, differences, deliveries, redeliveredBatches, converged);
    }

    /** The differences of both read models from the write model; none (yet) while a store does not answer. */
    private List<String> differences(String tenant) {
        try {
            List<String> differences = new ArrayList<>(ReadModelCheck.differences(stack.db(), tenant).stream()
                    .map(difference -> "detail: " + difference).toList());
            SearchModelCheck.differences(stack, tenant).forEach(difference -> differences.add("search: " + difference));
            return differences;
        } catch (AssertionError | RuntimeException storeNotBackYet) {
            return List.of("not comparable yet: " + storeNotBackYet.getMessage());
        }
    }

    /**
     * What the answers promised against the write model: a product at the version of its last 2xx answer (a refused
     * command after it must not have moved it), a 204 delete gone, a refused create absent.
     */
    private void checkPromises(CommandStream stream, Map<String, Long> written, List<String> lost, List<String> wrong) {
        stream.promises().values().forEach(promise -> {
            Long version = written.get(promise.id());
            if (promise.deleted() && version != null) {
                wrong.add("deleted (204) but still in the write model: " + promise);
            } else if (!promise.deleted() && version == null) {
                lost.add("answered 2xx but not in the write model: " + promise);
            } else if (!promise.deleted() && version != promise.version()) {
                wrong.add("write model at version " + version + " but the last 2xx answered " + promise
                        + ": a refused command changed it");
            }
        });
        Set<String> skus = new HashSet<>(stack.db().texts("select sku from product where tenant_id = ?", stream.tenant()));
        stream.refusedCreates().stream().filter(skus::contains)
                .forEach(sku -> wrong.add("create of " + sku + " was refused but the product exists"));
    }

    /** Each product of the write model in the read model at its version; nothing else there (no deleted one back). */
    private static void compare(String readModel, Map<String, Long> written, Map<String, Long> read, List<String> lost,
                                List<String> wrong) {
        written.forEach((id, version) -> {
            Long found = read.get(id);
            if (found == null) {
                lost.add(readModel + ": product " + id + " v" + version + " missing");
            } else if (!found.equals(version)) {
                wrong.add(readModel + ": product " + id + " at v" + found + ", written v" + version);
            }
        });
        read.keySet().stream().filter(id -> !written.containsKey(id))
                .forEach(id -> wrong.add(readModel + ": product " + id + " is there but not in the write model"));
    }

    private Map<String, Long> versions(String sql, String tenant) {
        Map<String, Long> versions = new HashMap<>();
        stack.db().rows(sql, tenant).forEach(row -> versions.put((String) row.get("id"), ((Number) row.get("version")).longValue()));
        return versions;
    }

    /** Every product search finds for the tenant, with the version it shows, page by page through the API. */
    private Map<String, Long> searchVersions(String tenant) {
        Map<String, Long> versions = new HashMap<>();
        String cursor = null;
        do {
            ApiCall call = ApiCall.to("GET /products/search").tenant(tenant).query("sort", "name").query("limit", "100")
                    .query("facets", "false");
            if (cursor != null) {
                call.query("cursor", cursor);
            }
            JsonNode page = stack.overHttp(call).json();
            page.get("items").forEach(item -> versions.put(item.get("id").asText(), item.get("version").asLong()));
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return versions;
    }

    /** How many times each of the tenant's outbox events is on Kafka, by event id; zero for one that never got there. */
    private Map<String, Integer> deliveries(String tenant) {
        Map<String, Integer> counts = new HashMap<>();
        stack.db().texts("select event_id::text from outbox where tenant_id = ?", tenant)
                .forEach(eventId -> counts.put(eventId, 0));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fault-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(CatalogTopics.EVENTS)
                    .forEach(info -> partitions.add(new TopicPartition(CatalogTopics.EVENTS, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() != null && record.key().startsWith(tenant + ":")) {
                        counts.merge(eventId(record), 1, Integer::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** The event_id header, which Debezium writes JSON-encoded (quoted). */
    private static String eventId(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("event_id");
        String value = header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        return value.startsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
