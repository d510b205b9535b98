package dev.catalog.systemtest.rebuild;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.productInCategory;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.platform.json.Json;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.Rebuilds;
import dev.catalog.systemtest.support.SearchModelCheck;
import dev.catalog.systemtest.support.Tenants;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Rebuilds through the rebuild state machine on the local Step Functions, started and followed with the AWS SDK's
 * SfnClient against the local endpoint.
 */
class RebuildIT {

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
    void both_read_models_are_rebuilt_while_twenty_writers_keep_changing_and_readers_keep_reading() throws Exception {
        String tenant = Tenants.fresh("rebuild");
        List<String> categories = IntStream.range(0, 4).mapToObj(i -> create(tenant, "POST /categories", "{\"name\": \"Shelf " + i + "\"}")).toList();
        List<String> products = IntStream.range(0, 60).mapToObj(i -> create(tenant, "POST /products",
                productInCategory(uniqueSku(), categories.get(i % categories.size())))).toList();
        int liveDetail = version(Rebuilds.live(stack.db(), "detail"));
        int liveSearch = version(Rebuilds.live(stack.db(), "search"));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        AtomicInteger reads = new AtomicInteger();
        ConcurrentLinkedQueue<String> badReads = new ConcurrentLinkedQueue<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(22)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 20; w++) {
                List<String> owned = products.subList(w * 3, w * 3 + 3);
                running.add(threads.submit(() -> write(tenant, owned, categories, stop, writes)));
            }
            for (int r = 0; r < 2; r++) {
                running.add(threads.submit(() -> read(tenant, products, stop, reads, badReads)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> writes.get() > 100);

            String execution = rebuilds.start("{\"projection\": \"all\"}");
            DescribeExecutionResponse result = rebuilds.awaitEnd(execution, REBUILD);
            assertThat(result.status()).as(result.error() + ": " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);

            await().atMost(Duration.ofSeconds(10)).until(() -> writes.get() > 0 && reads.get() > 0);
            stop.set(true);
            for (Future<?> thread : running) {
                thread.get();
            }
        }

        assertThat(version(Rebuilds.live(stack.db(), "detail"))).isGreaterThan(liveDetail);
        assertThat(version(Rebuilds.live(stack.db(), "search"))).isGreaterThan(liveSearch);
        assertThat(badReads).as("reads answered something else than 200 during the rebuild").isEmpty();
        assertThat(reads.get()).isPositive();
        await().atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
            assertThat(SearchModelCheck.differences(stack, tenant)).isEmpty();
        });
    }

    @Test
    void a_replay_from_the_middle_of_the_log_repairs_what_a_faulty_projection_wrote_since() {
        String tenant = Tenants.fresh("repair");
        List<String> products = IntStream.range(0, 20).mapToObj(i -> create(tenant, "POST /products", product(uniqueSku()))).toList();
        long middle = stack.db().count("select max(sequence) from outbox");
        List<String> changed = products.subList(0, 10);
        for (String id : changed) {
            call(tenant, ApiCall.to("PUT /products/{id}/price").with("id", id).ifMatch(1).json("{\"amount\": \"42.00\", \"currency\": \"EUR\"}"));
        }
        await().atMost(SETTLE).untilAsserted(() -> assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty());
        String live = Rebuilds.live(stack.db(), "detail").get("target").toString();
        // A bug in the projection, shipped at 'middle', wrote nonsense for everything changed since.
        stack.db().execute("update " + live + ".product_detail set name = 'written by a bug' where tenant_id = ? and id = any(?::uuid[])",
                tenant, "{" + String.join(",", changed) + "}");
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).hasSize(20);

        // Both: each new version starts as a copy of its LIVE one (rows, documents), merged part by part.
        String execution = rebuilds.start("{\"projection\": \"all\", \"fromSequence\": " + middle + "}");
        DescribeExecutionResponse result = rebuilds.awaitEnd(execution, REBUILD);

        assertThat(result.status()).as(result.error() + ": " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(result.output()).contains("\"fromSequence\":" + middle);
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
        await().atMost(SETTLE).untilAsserted(() -> assertThat(SearchModelCheck.differences(stack, tenant)).isEmpty());
    }

    @Test
    void a_rebuild_stopped_mid_replay_is_resumed_from_its_recorded_progress() throws Exception {
        String tenant = Tenants.fresh("resume");
        IntStream.range(0, 150).forEach(i -> create(tenant, "POST /products", product(uniqueSku())));

        // Small batches, one per task: on a fresh stack the whole log is not much longer than these 150 products, and
        // the stop must land while most of it is still to go.
        String first = rebuilds.start("{\"projection\": \"detail\", \"pace\": {\"batchEvents\": 5, \"sliceSeconds\": 0}}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> replayedEvents() >= 50);
        rebuilds.stop(first);
        assertThat(rebuilds.awaitEnd(first, Duration.ofSeconds(30)).status()).isEqualTo(ExecutionStatus.ABORTED);
        Map<String, Object> stopped = building();
        long stoppedAt = (Long) stopped.get("replayed_to_sequence");
        assertThat(stoppedAt).isLessThan((Long) stopped.get("high_water_mark"));

        // A Replay task the state machine retries gets the input its failed attempt got, positions from before the
        // batches that attempt committed: it goes on from the recorded progress, and counts nothing twice.
        String staleInput = """
                {"runId": "%s", "fromSequence": %d, "highWaterMark": %d, "pace": {"batchEvents": 25, "sliceSeconds": 0},
                 "targets": [{"projection": "detail", "version": %d, "target": "%s", "highWaterMark": %d,
                              "position": %d, "eventsReplayed": 0}], "done": false}
                """.formatted(first, stopped.get("replay_from_sequence"), stopped.get("high_water_mark"), version(stopped),
                stopped.get("target"), stopped.get("high_water_mark"), stopped.get("replay_from_sequence"));
        JsonNode retried = Json.mapper().readTree(rebuilds.invoke("ReplayRebuildFunction", staleInput));
        assertThat(retried.at("/targets/0/position").asLong()).isGreaterThan(stoppedAt);
        assertThat(retried.at("/targets/0/eventsReplayed").asLong()).isGreaterThan((Long) stopped.get("events_replayed"));

        String second = rebuilds.start("{\"projection\": \"detail\"}");
        DescribeExecutionResponse result = rebuilds.awaitEnd(second, REBUILD);

        assertThat(result.status()).as(result.error() + ": " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        Map<String, Object> finished = stack.db().row("""
                select version, events_replayed, replay_from_sequence, high_water_mark, status from projection_version
                 where projection = 'detail' and version = ?""", stopped.get("version"));
        assertThat(finished.get("status")).isEqualTo("LIVE");
        // Every event of the range counted once: the second run went on from where the first stopped.
        assertThat(finished.get("events_replayed")).isEqualTo(stack.db().count("""
                select count(*) from outbox where aggregate_type in ('product', 'category', 'inventory')
                   and sequence > ? and sequence <= ?""", finished.get("replay_from_sequence"), finished.get("high_water_mark")));
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
    }

    @Test
    void a_version_that_fails_verification_is_dropped_and_the_old_one_stays_live() {
        String tenant = Tenants.fresh("corrupt");
        long before = stack.db().count("select max(sequence) from outbox");
        IntStream.range(0, 10).forEach(i -> create(tenant, "POST /products", product(uniqueSku())));
        long ours = stack.db().count("select max(sequence) from outbox where tenant_id = ?", tenant);
        String filler = Tenants.fresh("filler");
        IntStream.range(0, 200).forEach(i -> create(filler, "POST /products", product(uniqueSku())));
        Map<String, Object> live = Rebuilds.live(stack.db(), "detail");

        // From just before the tenant (the rest copied from LIVE), two events per replay task: the 200 filler products
        // keep replay going for a hundred tasks after the tenant's events, time enough to corrupt them.
        String execution = rebuilds.start("{\"projection\": \"detail\", \"fromSequence\": " + before
                + ", \"pace\": {\"batchEvents\": 2, \"sliceSeconds\": 0}}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> replayedTo() >= ours);
        String building = building().get("target").toString();
        // The tenant's events are replayed and nothing will write these rows again: corrupt them behind replay's back.
        stack.db().execute("update " + building + ".product_detail set name = 'corrupted on purpose' where tenant_id = ?", tenant);
        DescribeExecutionResponse result = rebuilds.awaitEnd(execution, REBUILD);

        assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(result.error()).isEqualTo("Rebuild.VerificationFailed");
        assertThat(result.cause()).contains("tenant " + tenant);
        assertThat(Rebuilds.live(stack.db(), "detail")).isEqualTo(live);
        assertThat(stack.db().text("select status from projection_version where projection = 'detail' and target = ?", building)).isEqualTo("FAILED");
        assertThat(stack.db().count("select count(*) from information_schema.schemata where schema_name = ?", building)).isZero();
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
    }

    @Test
    void a_rollback_goes_back_to_the_version_live_before_the_current_one_caught_up_and_a_second_in_a_row_is_refused() {
        String tenant = Tenants.fresh("rollback");
        create(tenant, "POST /products", product(uniqueSku()));
        int first = version(Rebuilds.live(stack.db(), "detail"));
        int firstSearch = version(Rebuilds.live(stack.db(), "search"));

        rebuildAll();
        int rejected = version(Rebuilds.live(stack.db(), "detail"));
        assertThat(rebuilds.rollback("detail")).contains("\"live\":" + first, "\"replaced\":" + rejected);
        assertThat(rebuilds.rollback("search")).contains("\"live\":" + firstSearch);
        create(tenant, "POST /products", product(uniqueSku()));
        rebuildAll();
        int current = version(Rebuilds.live(stack.db(), "detail"));
        int currentSearch = version(Rebuilds.live(stack.db(), "search"));
        // The live path no longer writes the RETIRED versions: what it applies from now on, they miss.
        long retiredApplied = applied("detail", first);
        create(tenant, "POST /products", product(uniqueSku()));
        await().atMost(SETTLE).untilAsserted(() -> assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty());
        assertThat(applied("detail", first)).as("events the live path applied to a RETIRED version").isEqualTo(retiredApplied);
        assertThat(status("detail", rejected)).as("the older RETIRED version, beyond the one kept").isEqualTo("DROPPED");

        String detail = rebuilds.rollback("detail");
        String search = rebuilds.rollback("search");

        // The version LIVE before the current one, not the one the first rollback rejected; caught up on what it missed.
        assertThat(detail).contains("\"live\":" + first, "\"replaced\":" + current).doesNotContain("\"eventsReplayed\":0");
        assertThat(search).contains("\"live\":" + firstSearch, "\"replaced\":" + currentSearch);
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(SearchModelCheck.differences(stack, tenant)).isEmpty();
            assertThat(stack.overHttp(ApiCall.to("GET /products/search").tenant(tenant).query("q", "trail")).json().get("total").asLong())
                    .isEqualTo(3);
        });
        assertThat(rebuilds.refusedRollback("detail")).contains("a second rollback in a row", "--to-version");
        assertThat(version(Rebuilds.live(stack.db(), "detail"))).isEqualTo(first);

        assertThat(rebuilds.rollback("detail", current)).contains("\"live\":" + current);
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
        assertThat(stack.db().count("""
                select count(*) from projection_version where projection = 'detail' and status not in ('FAILED', 'DROPPED')"""))
                .as("LIVE and one RETIRED version").isEqualTo(2);
    }

    @Test
    void a_rollback_abandons_the_version_of_a_stopped_rebuild_and_nothing_writes_it_any_more() {
        String tenant = Tenants.fresh("orphan");
        IntStream.range(0, 30).forEach(i -> create(tenant, "POST /products", product(uniqueSku())));
        DescribeExecutionResponse rebuilt = rebuilds.awaitEnd(rebuilds.start("{\"projection\": \"detail\"}"), REBUILD);
        assertThat(rebuilt.status()).as(rebuilt.error() + ": " + rebuilt.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        int current = version(Rebuilds.live(stack.db(), "detail"));
        int previous = ((Number) stack.db().row("select previous_live from projection_version where projection = 'detail' and status = 'LIVE'")
                .get("previous_live")).intValue();
        long logged = stack.db().count("select count(*) from outbox");
        String stopped = rebuilds.start("{\"projection\": \"detail\", \"pace\": {\"batchEvents\": " + Math.max(1, logged / 40)
                + ", \"sliceSeconds\": 0}}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> stack.db().count("""
                select count(*) from projection_version
                 where projection = 'detail' and status = 'BUILDING' and run_id = ? and events_replayed > 0""", stopped) == 1);
        int orphan = version(building());
        String orphanTarget = building().get("target").toString();
        rebuilds.stop(stopped);
        assertThat(rebuilds.awaitEnd(stopped, Duration.ofSeconds(30)).status()).isEqualTo(ExecutionStatus.ABORTED);

        // The stopped run no longer holds the projection: the rollback goes ahead and abandons its version.
        assertThat(rebuilds.rollback("detail")).contains("\"live\":" + previous, "\"replaced\":" + current);
        assertThat(status("detail", orphan)).isEqualTo("FAILED");
        assertThat(stack.db().text("select error from projection_version where projection = 'detail' and version = ?", orphan))
                .contains("abandoned", stopped);
        assertThat(stack.db().count("select count(*) from information_schema.schemata where schema_name = ?", orphanTarget)).isZero();
        long orphanApplied = applied("detail", orphan);
        create(tenant, "POST /products", product(uniqueSku()));
        await().atMost(SETTLE).untilAsserted(() -> assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty());
        assertThat(applied("detail", orphan)).as("events the live path applied to the abandoned version").isEqualTo(orphanApplied);
        assertThat(stack.db().count("select count(*) from projection_version where projection = 'detail' and status = 'BUILDING'")).isZero();
    }

    @Test
    void a_rollback_catches_up_an_event_whose_transaction_was_still_in_flight_when_the_version_was_retired() throws Exception {
        String tenant = Tenants.fresh("late");
        String product = create(tenant, "POST /products", product(uniqueSku()));
        call(tenant, ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", product).with("warehouse", "W0").json("{\"quantity\": 5}"));
        DescribeExecutionResponse rebuilt = rebuilds.awaitEnd(rebuilds.start("{\"projection\": \"detail\"}"), REBUILD);
        assertThat(rebuilt.status()).as(rebuilt.error() + ": " + rebuilt.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        int current = version(Rebuilds.live(stack.db(), "detail"));
        await().atMost(SETTLE).untilAsserted(() -> assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty());

        try (Connection late = stack.db().connection().open()) {
            // A stock command's transaction, written as InventoryStore writes it, held open once its event has a sequence.
            late.setAutoCommit(false);
            long lateSequence = holdStockChange(late, tenant, product, 77);
            // Events with higher sequences commit after it and the live path applies them on every partition.
            for (int i = 0; i < 200 && lowestAppliedSequence("detail", current) <= lateSequence; i++) {
                create(Tenants.fresh("after"), "POST /products", product(uniqueSku()));
            }
            await().atMost(SETTLE).until(() -> lowestAppliedSequence("detail", current) > lateSequence);
            // The current version is retired while the transaction is still in flight; then it commits.
            assertThat(rebuilds.rollback("detail")).contains("\"replaced\":" + current);
            assertThat(stack.db().count("select current_to_sequence from projection_version where projection = 'detail' and version = ?",
                    current)).as("the sequence the retired version's live progress had reached is past the late event").isGreaterThan(lateSequence);
            late.commit();
        }
        await().atMost(SETTLE).untilAsserted(() -> assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty());

        // Back to the version retired while the event was in flight: its catch-up replays that event.
        assertThat(rebuilds.rollback("detail", current)).contains("\"live\":" + current);
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
    }

    @Test
    void a_second_rebuild_of_a_projection_fails_fast_naming_the_running_one_and_cut_over_takes_only_its_own_version() {
        IntStream.range(0, 30).forEach(i -> create(Tenants.fresh("busy"), "POST /products", product(uniqueSku())));
        long logged = stack.db().count("select count(*) from outbox");
        String first = rebuilds.start("{\"projection\": \"detail\", \"pace\": {\"batchEvents\": " + Math.max(1, logged / 60)
                + ", \"sliceSeconds\": 0}}");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> stack.db().count(
                "select count(*) from projection_version where projection = 'detail' and status = 'BUILDING' and run_id = ?", first) == 1);
        Map<String, Object> building = building();

        DescribeExecutionResponse second = rebuilds.awaitEnd(rebuilds.start("{\"projection\": \"all\"}"), REBUILD);

        assertThat(second.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(second.error()).isEqualTo("dev.catalog.rebuild.RebuildInProgress");
        assertThat(second.cause()).contains("detail is already being rebuilt", first);
        assertThat(stack.db().count("select count(*) from projection_version where projection = 'search' and status = 'BUILDING'")).isZero();
        // Whether the first run is still replaying or has finished by now, its version is not another run's to promote.
        String forged = """
                {"runId": "not-the-owner", "fromSequence": 0, "highWaterMark": 1, "pace": {"batchEvents": 5, "sliceSeconds": 0},
                 "targets": [{"projection": "detail", "version": %d, "target": "%s", "highWaterMark": 1, "position": 1,
                              "eventsReplayed": 0}], "done": true, "verification": {"passed": true, "findings": []}}
                """.formatted(version(building), building.get("target"));
        assertThatThrownBy(() -> rebuilds.invoke("CutOverRebuildFunction", forged)).hasMessageContaining("cannot cut over");
        DescribeExecutionResponse result = rebuilds.awaitEnd(first, REBUILD);
        assertThat(result.status()).as(result.error() + ": " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(version(Rebuilds.live(stack.db(), "detail"))).isEqualTo(version(building));
    }

    private void rebuildAll() {
        DescribeExecutionResponse rebuilt = rebuilds.awaitEnd(rebuilds.start("{\"projection\": \"all\"}"), REBUILD);
        assertThat(rebuilt.status()).as(rebuilt.error() + ": " + rebuilt.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    /**
     * Sets the product's stock in warehouse W0 in {@code transaction}, as SetStockFunction would (inventory version,
     * level, and a StockLevelChanged event after the product's last one), and answers the event's sequence.
     */
    private static long holdStockChange(Connection transaction, String tenant, String product, long quantity) throws Exception {
        try (PreparedStatement inventory = transaction.prepareStatement(
                "update inventory set version = version + 1 where tenant_id = ? and product_id = ?::uuid");
             PreparedStatement level = transaction.prepareStatement(
                     "update stock_level set quantity = ? where tenant_id = ? and product_id = ?::uuid and warehouse = 'W0'");
             PreparedStatement event = transaction.prepareStatement("""
                     insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_key, event_type,
                                         schema_version, occurred_at, correlation_id, payload)
                     select gen_random_uuid(), tenant_id, aggregate_type, aggregate_id, aggregate_version + 1, event_key, event_type,
                            schema_version, occurred_at, 'held-open',
                            jsonb_set(jsonb_set(jsonb_set(payload, '{inventory,version}', to_jsonb(aggregate_version + 1)),
                                      '{inventory,levels,W0}', to_jsonb(?::bigint)), '{previousQuantity}', payload #> '{inventory,levels,W0}')
                       from outbox where tenant_id = ? and aggregate_type = 'inventory' and aggregate_id = ?
                      order by aggregate_version desc limit 1
                     returning sequence""")) {
            inventory.setString(1, tenant);
            inventory.setString(2, product);
            assertThat(inventory.executeUpdate()).isEqualTo(1);
            level.setLong(1, quantity);
            level.setString(2, tenant);
            level.setString(3, product);
            assertThat(level.executeUpdate()).isEqualTo(1);
            event.setLong(1, quantity);
            event.setString(2, tenant);
            event.setString(3, product);
            try (ResultSet row = event.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    /** The lowest sequence the live path has reached on any partition for the version: the boundary once used to retire it. */
    private long lowestAppliedSequence(String projection, int version) {
        return stack.db().count("select coalesce(min(last_sequence), 0) from projection_progress where projection = ? and version = ?",
                projection, version);
    }

    private long applied(String projection, int version) {
        return stack.db().count("select coalesce(sum(events_applied), 0) from projection_progress where projection = ? and version = ?",
                projection, version);
    }

    private String status(String projection, int version) {
        return stack.db().text("select status from projection_version where projection = ? and version = ?", projection, version);
    }

    /** A writer owning three products: reprices them, sets their stock, and renames the shared categories. */
    private void write(String tenant, List<String> owned, List<String> categories, AtomicBoolean stop, AtomicInteger writes) {
        long[] versions = {1, 1, 1};
        while (!stop.get()) {
            int pick = ThreadLocalRandom.current().nextInt(owned.size());
            ApiAnswer answer = switch (ThreadLocalRandom.current().nextInt(3)) {
                case 0 -> stack.overHttp(ApiCall.to("PUT /products/{id}/price").with("id", owned.get(pick)).tenant(tenant)
                        .ifMatch(versions[pick]).json("{\"amount\": \"" + ThreadLocalRandom.current().nextInt(1, 500) + ".99\", \"currency\": \"EUR\"}"));
                case 1 -> stack.overHttp(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", owned.get(pick))
                        .with("warehouse", "W" + ThreadLocalRandom.current().nextInt(3)).tenant(tenant)
                        .json("{\"quantity\": " + ThreadLocalRandom.current().nextInt(100) + "}"));
                default -> renameCategory(tenant, categories.get(ThreadLocalRandom.current().nextInt(categories.size())));
            };
            if (answer.status() == 200 && answer.json().has("id") && owned.contains(answer.json().get("id").asText())) {
                versions[owned.indexOf(answer.json().get("id").asText())] = answer.version();
            }
            writes.incrementAndGet();
        }
    }

    private ApiAnswer renameCategory(String tenant, String category) {
        long version = stack.db().count("select version from category where id = ?::uuid", category);
        return stack.overHttp(ApiCall.to("PATCH /categories/{id}").with("id", category).tenant(tenant).ifMatch(version)
                .json("{\"name\": \"Shelf " + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}"));
    }

    private void read(String tenant, List<String> products, AtomicBoolean stop, AtomicInteger reads, ConcurrentLinkedQueue<String> bad) {
        while (!stop.get()) {
            ApiAnswer search = stack.overHttp(ApiCall.to("GET /products/search").tenant(tenant).query("q", "shoe").query("limit", "5"));
            ApiAnswer detail = stack.overHttp(ApiCall.to("GET /products/{id}").with("id",
                    products.get(ThreadLocalRandom.current().nextInt(products.size()))).tenant(tenant));
            for (ApiAnswer answer : List.of(search, detail)) {
                if (answer.status() != 200) {
                    bad.add(answer.toString());
                }
            }
            reads.addAndGet(2);
        }
    }

    private String create(String tenant, String route, String body) {
        return call(tenant, ApiCall.to(route).json(body)).id();
    }

    private ApiAnswer call(String tenant, ApiCall call) {
        ApiAnswer answer = stack.overHttp(call.tenant(tenant));
        assertThat(answer.status()).as(answer.toString()).isLessThan(300);
        return answer;
    }

    private Map<String, Object> building() {
        return stack.db().row("""
                select version, target, replay_from_sequence, replayed_to_sequence, high_water_mark, events_replayed
                  from projection_version where projection = 'detail' and status = 'BUILDING'""");
    }

    private long replayedEvents() {
        return stack.db().count("select coalesce(max(events_replayed), 0) from projection_version where projection = 'detail' and status = 'BUILDING'");
    }

    private long replayedTo() {
        return stack.db().count("select coalesce(max(replayed_to_sequence), 0) from projection_version where projection = 'detail' and status = 'BUILDING'");
    }

    private static int version(Map<String, Object> row) {
        return ((Number) row.get("version")).intValue();
    }
}
