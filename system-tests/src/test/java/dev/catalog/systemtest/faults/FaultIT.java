package dev.catalog.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.process.Supervisor;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.Rebuilds;
import dev.catalog.systemtest.support.SearchModelCheck;
import dev.catalog.systemtest.support.Tenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A store or a process of the pipeline killed with SIGKILL while commands stream in, each once, with nobody
 * stepping in (and, apart, detail batches failing half-way through their writes, retried whole): the runtime's supervisor starts the process again, the event source mappings retry their batches
 * until the store is back, commands refused meanwhile are 503s (a command that outlived the function's 15 s timeout
 * gets API Gateway's own 500, counted apart: on two starved cores a command during PostgreSQL's crash recovery can
 * take that long; it must have changed nothing all the same). Afterwards, once the pipeline has caught up:
 * every command answered 2xx is in the write model and both read models at exactly its version (none missing, none
 * older, no deleted product back), every refused command changed nothing, every outbox row of the tenant reached
 * Kafka (counted per event id, so a lost intermediate event shows even when a later one hides it in the read
 * models). Each test prints a table: commands sent, answered 2xx, answered 503, lost, wrong, duplicates on Kafka,
 * time to converge.
 *
 * <p>Streams are short (20 s at 30 commands/s, the fault 5 s in) to keep the suite's time small; the issue's
 * figures of 100/s for 60 s come from the same class with other numbers.
 */
class FaultIT {

    // Six writers of 5 commands/s rather than fewer faster ones: a command held up by the fault (up to the pool's
    // 5 s wait for a connection) holds up one sixth of the stream, not a third.
    private static final int WRITERS = 6;
    private static final double RATE_PER_WRITER = 5;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration STREAM = Duration.ofSeconds(20);
    private static final Duration FAULT_AFTER = Duration.ofSeconds(5);
    /** A bound, not an expectation: the time it took is printed. */
    private static final Duration CONVERGENCE_BOUND = Duration.ofMinutes(5);

    private final CatalogStack stack = CatalogStack.get();

    @Test
    void nothing_is_lost_when_opensearch_is_killed() throws Exception {
        FaultOutcome outcome = streamThrough("OpenSearch");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.unavailable()).as("commands never need OpenSearch").isZero();
    }

    @Test
    void nothing_is_lost_when_postgresql_is_killed() throws Exception {
        FaultOutcome outcome = streamThrough("PostgreSQL");

        assertThat(outcome.problems()).isEmpty();
    }

    @Test
    void nothing_is_lost_when_kafka_is_killed() throws Exception {
        FaultOutcome outcome = streamThrough("Kafka");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.unavailable()).as("commands never need Kafka").isZero();
    }

    @Test
    void nothing_is_lost_when_detail_batches_fail_half_way_through_their_writes() throws Exception {
        String tenant = Tenants.fresh("fault");
        String live = Rebuilds.live(stack.db(), "detail").get("target").toString();
        try {
            FaultOutcome outcome = stream(tenant, () -> failHalfWay(live, tenant), () -> {
                // The sequence counts every second row since; only the first five of them raised.
                long failed = stack.db().count("select least(last_value, 5) from fault_half_way_failures where is_called");
                assertThat(failed).as("batches failed half-way").isPositive();
                return "detail batches failed half-way through their writes (" + failed + " times, a trigger on " + live
                        + ".product_detail raising after the batch's first row of the tenant), retried by the mapping";
            });

            assertThat(outcome.problems()).isEmpty();
            assertThat(outcome.unavailable()).as("commands never need the read model").isZero();
        } finally {
            stack.db().execute("drop trigger if exists fault_half_way on " + live + ".product_detail");
            stack.db().execute("drop function if exists fault_half_way()");
            stack.db().execute("drop sequence if exists fault_half_way_failures");
        }
    }

    /**
     * From now on the detail projection's batches fail half-way, five times: a row trigger on the LIVE read schema
     * lets a transaction's first row of {@code tenant} through, and raises on its second, so the batch has written
     * part of its rows when it fails. The count lives in a sequence, which a rollback does not undo.
     */
    private void failHalfWay(String live, String tenant) {
        stack.db().execute("create sequence fault_half_way_failures");
        stack.db().execute("""
                create function fault_half_way() returns trigger language plpgsql security definer as $$
                begin
                    if new.tenant_id <> '%s' then
                        return new;
                    end if;
                    if current_setting('fault.half_way', true) is distinct from 'written' then
                        perform set_config('fault.half_way', 'written', true);
                    elsif nextval('fault_half_way_failures') <= 5 then
                        raise exception 'injected fault half-way through a detail batch';
                    end if;
                    return new;
                end;
                $$""".formatted(tenant));
        stack.db().execute("create trigger fault_half_way after insert or update on " + live
                + ".product_detail for each row execute function fault_half_way()");
    }

    /** Streams commands, kills {@code service} with SIGKILL on the way, and checks everything once it is back. */
    private FaultOutcome streamThrough(String service) throws Exception {
        Supervisor<?> supervisor = stack.stack().supervisor(service);
        int restartsBefore = supervisor.status().restarts();
        return stream(Tenants.fresh("fault"), supervisor::kill, () -> {
            await().atMost(CONVERGENCE_BOUND).until(() -> stack.stack().processes().stream()
                    .allMatch(process -> process.state() == Supervisor.State.RUNNING));
            // The kill did happen, and the supervisor, not the test, brought the service back.
            assertThat(supervisor.status().restarts()).as(service + " restarted by its supervisor").isEqualTo(restartsBefore + 1);
            return service + " killed (SIGKILL), started again by its supervisor; restarts now: "
                    + stack.stack().processes().stream().map(process -> process.name() + " " + process.restarts())
                    .collect(java.util.stream.Collectors.joining(", "));
        });
    }

    /**
     * Streams commands of {@code tenant}, runs {@code fault} on the way, and checks everything once the pipeline has
     * caught up; {@code describe} checks the fault did what it should and names it for the table.
     */
    private FaultOutcome stream(String tenant, Runnable fault, Supplier<String> describe) throws Exception {
        // Every function the stream calls initialized first, so the stream measures the fault, not cold starts.
        new CommandStream(stack, Tenants.fresh("warm-up")).run(WRITERS, RATE_PER_WRITER, WARM_UP, () -> { }, Duration.ZERO);
        CommandStream stream = new CommandStream(stack, tenant);
        stream.run(WRITERS, RATE_PER_WRITER, STREAM, fault, FAULT_AFTER);
        long streamEnded = System.nanoTime();

        // Converged: both read models equal the write model. Polled within a bound; how long it took is the figure.
        List<String> differences;
        try {
            await().atMost(CONVERGENCE_BOUND).pollInterval(Duration.ofSeconds(1)).until(() -> differences(tenant).isEmpty());
        } catch (ConditionTimeoutException notConverged) {
            // reported below, with what still differs
        }
        Duration converged = Duration.ofNanos(System.nanoTime() - streamEnded);
        differences = differences(tenant);
        String description = describe.get();

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
        FaultOutcome outcome = new FaultOutcome(description, stream, lost, wrong, differences, deliveries, converged);
        System.out.println(outcome.table());
        return outcome;
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
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.stack().kafkaBootstrapServers(),
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
