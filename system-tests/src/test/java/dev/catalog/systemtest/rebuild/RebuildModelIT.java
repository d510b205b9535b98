package dev.catalog.systemtest.rebuild;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.productInCategory;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Rebuilds and rollbacks in random order against a model of what each should do, while writers change products,
 * categories and stock: full and partial rebuilds of one projection or both, rollbacks (a second one in a row must be
 * refused), a run stopped mid-replay and resumed by the next, a run stopped mid-replay whose version a rollback
 * abandons, a second execution started while one runs (refused, naming it), and a run aborted (its target corrupted
 * mid-replay: verification fails, the Abort task drops it). Every kind of step is taken at least once, in an order the
 * seed draws, then a few more at random. After every step, with the writers paused: both LIVE read models equal the
 * write model, the LIVE version is the one the model expects, no more versions exist than LIVE, one RETIRED and no
 * leftovers, and a version LIVE again after a rollback holds exactly what it held when it was LIVE before, wherever
 * nothing has changed since.
 *
 * <p>The seeds are fixed so a failure is a regression case; {@code -Drebuild.model.seeds=1,2,3} tries others.
 */
class RebuildModelIT {

    private static final Duration RUN = Duration.ofMinutes(5);
    private static final Duration SETTLE = Duration.ofSeconds(90);
    /** Random steps after one of each kind. */
    private static final int EXTRA_STEPS = 1;
    private static final int BYSTANDERS = 3;
    private static final List<String> PROJECTIONS = List.of("detail", "search");

    private final CatalogStack stack = CatalogStack.get();
    private final ReadWriteLock writing = new ReentrantReadWriteLock();
    private Rebuilds rebuilds;

    /** The kinds of step; each is taken at least once. */
    private enum Kind { FULL, PARTIAL, ROLLBACK, STOP_AND_RESUME, STOP_AND_ROLLBACK, SECOND_EXECUTION, ABORT }

    /** What each projection's LIVE version held for the tenant when it was last LIVE, per version: id → content. */
    private final Map<String, Map<Integer, Map<String, JsonNode>>> snapshots = new HashMap<>();
    /** Rollbacks whose version was compared with what it held when LIVE before. */
    private int snapshotsCompared;

    static LongStream seeds() {
        String chosen = System.getProperty("rebuild.model.seeds", "");
        return chosen.isBlank() ? LongStream.of(20261206L) : java.util.Arrays.stream(chosen.split(",")).mapToLong(seed -> Long.parseLong(seed.strip()));
    }

    @BeforeEach
    void connect() {
        rebuilds = new Rebuilds(stack.stack().awsEndpoint().url());
    }

    @AfterEach
    void disconnect() {
        rebuilds.close();
    }

    /** What the model knows of one projection: its LIVE version, the one LIVE before it, and how it became LIVE. */
    private static final class Expected {
        int live;
        Integer previous;
        boolean byRollback;

        void rebuiltAs(int version) {
            assertThat(version).as("a rebuild makes a newer version LIVE").isGreaterThan(live);
            previous = live;
            live = version;
            byRollback = false;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void random_rebuilds_and_rollbacks_keep_the_live_read_models_equal_to_the_write_model(long seed) throws Exception {
        Random random = new Random(seed);
        String tenant = Tenants.fresh("model");
        List<String> categories = IntStream.range(0, 3).mapToObj(i -> create(tenant, "POST /categories", "{\"name\": \"Aisle " + i + "\"}")).toList();
        List<String> products = IntStream.range(0, 12).mapToObj(i -> create(tenant, "POST /products",
                productInCategory(uniqueSku(), categories.get(i % categories.size())))).toList();
        // Products no writer touches, with stock and no category (renames reach every product of one): what a version
        // LIVE again holds for them must be exactly what it held before.
        for (int i = 0; i < BYSTANDERS; i++) {
            String bystander = create(tenant, "POST /products", product(uniqueSku()));
            stack.overHttp(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", bystander).with("warehouse", "W0").tenant(tenant)
                    .json("{\"quantity\": " + (i + 1) + "}"));
        }
        Map<String, Expected> model = new HashMap<>();
        for (String projection : PROJECTIONS) {
            Expected expected = new Expected();
            expected.live = live(projection);
            expected.byRollback = "rollback".equals(stack.db().text(
                    "select coalesce(live_by, '') from projection_version where projection = ? and status = 'LIVE'", projection));
            long previous = stack.db().count("""
                    select coalesce(max(r.version), 0) from projection_version l
                      join projection_version r on r.projection = l.projection and r.version = l.previous_live and r.status = 'RETIRED'
                     where l.projection = ? and l.status = 'LIVE'""", projection);
            expected.previous = previous == 0 ? null : (int) previous;
            model.put(projection, expected);
        }
        List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
        Collections.shuffle(kinds, random);
        IntStream.range(0, EXTRA_STEPS).forEach(i -> kinds.add(Kind.values()[random.nextInt(Kind.values().length)]));
        List<String> steps = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService writers = Executors.newFixedThreadPool(3)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                List<String> owned = products.subList(w * 4, w * 4 + 4);
                running.add(writers.submit(() -> write(tenant, owned, categories, stop)));
            }
            try {
                check(tenant, model, "seed " + seed + " before any step", Map.of());
                for (Kind kind : kinds) {
                    Map<String, Integer> rolledBackTo = new HashMap<>();
                    String done = step(kind, random, model, tenant, rolledBackTo);
                    steps.add(done);
                    System.out.println("RebuildModelIT seed " + seed + " step " + steps.size() + ": " + done);
                    check(tenant, model, "seed " + seed + " after " + steps, rolledBackTo);
                }
                if (snapshotsCompared == 0) {
                    // The seed put every rollback before a rebuild it could undo: one more, where one can go ahead.
                    String projection = PROJECTIONS.stream().filter(p -> !model.get(p).byRollback && model.get(p).previous != null)
                            .findFirst().orElseThrow();
                    Map<String, Integer> rolledBackTo = new HashMap<>();
                    rollback(projection, model.get(projection), rolledBackTo);
                    steps.add("rollback of " + projection);
                    check(tenant, model, "seed " + seed + " after " + steps, rolledBackTo);
                }
                assertThat(snapshotsCompared).as("rollbacks whose content was compared with the version's earlier LIVE content").isPositive();
            } finally {
                // Also when a check fails: the executor's close waits for the writers.
                stop.set(true);
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        }
    }

    /**
     * One step of the kind, checked against the model; answers what it did. A projection a rollback made LIVE again
     * goes into {@code rolledBackTo}, for {@link #check} to compare with what that version held before.
     */
    private String step(Kind kind, Random random, Map<String, Expected> model, String tenant, Map<String, Integer> rolledBackTo) {
        String projection = PROJECTIONS.get(random.nextInt(PROJECTIONS.size()));
        return switch (kind) {
            case FULL -> {
                String which = random.nextBoolean() ? "all" : projection;
                rebuild("{\"projection\": \"" + which + "\"}", model, which);
                yield "full rebuild of " + which;
            }
            case PARTIAL -> {
                long last = stack.db().count("select max(sequence) from outbox");
                long from = Math.max(1, last - 1 - random.nextInt((int) Math.min(last - 1, 2_000)));
                rebuild("{\"projection\": \"" + projection + "\", \"fromSequence\": " + from + "}", model, projection);
                yield "partial rebuild of " + projection + " from " + from;
            }
            case ROLLBACK -> {
                rollback(projection, model.get(projection), rolledBackTo);
                yield "rollback of " + projection;
            }
            case STOP_AND_RESUME -> {
                stopMidReplay(projection);
                // The next run takes the stopped run's version over and finishes it.
                rebuild("{\"projection\": \"" + projection + "\"}", model, projection);
                yield "rebuild of " + projection + " stopped mid-replay, then resumed";
            }
            case STOP_AND_ROLLBACK -> {
                int orphan = stopMidReplay(projection);
                if (rollback(projection, model.get(projection), rolledBackTo)) {
                    assertThat(status(projection, orphan)).as("the stopped run's version, after a rollback").isEqualTo("FAILED");
                    yield "rebuild of " + projection + " stopped mid-replay, then a rollback that abandons its version";
                }
                // A refused rollback leaves the stopped run's version to be resumed.
                rebuild("{\"projection\": \"" + projection + "\"}", model, projection);
                yield "rebuild of " + projection + " stopped mid-replay, a rollback refused, then the rebuild resumed";
            }
            case SECOND_EXECUTION -> {
                String first = startSlow(projection);
                awaitReplaying(projection, first);
                DescribeExecutionResponse second = rebuilds.awaitEnd(rebuilds.start("{\"projection\": \"all\"}"), RUN);
                assertThat(second.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(second.error()).isEqualTo("dev.catalog.rebuild.RebuildInProgress");
                assertThat(second.cause()).contains(first);
                DescribeExecutionResponse result = rebuilds.awaitEnd(first, RUN);
                assertThat(result.status()).as(result.error() + ": " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
                model.get(projection).rebuiltAs(live(projection));
                yield "rebuild of " + projection + " with a second execution refused";
            }
            case ABORT -> {
                // Detail only: a row the write model does not have, slipped into the version mid-replay, which nothing
                // will overwrite (a copy of a bystander's: no writer touches it, so verification counts it); verification
                // finds it and the state machine's Abort task drops the version.
                String run = startSlow("detail");
                awaitReplaying("detail", run);
                Map<String, Object> building = stack.db().row(
                        "select version, target from projection_version where projection = 'detail' and status = 'BUILDING' and run_id = ?", run);
                String target = building.get("target").toString();
                String liveTarget = Rebuilds.live(stack.db(), "detail").get("target").toString();
                stack.db().execute("insert into " + target + ".product_detail select * from jsonb_populate_record(null::" + target
                        + ".product_detail, (select to_jsonb(d) || jsonb_build_object('id', gen_random_uuid()) from " + liveTarget
                        + ".product_detail d where tenant_id = ? and category_id is null limit 1))", tenant);
                DescribeExecutionResponse result = rebuilds.awaitEnd(run, RUN);
                assertThat(result.status()).isEqualTo(ExecutionStatus.FAILED);
                assertThat(result.error()).isEqualTo("Rebuild.VerificationFailed");
                assertThat(status("detail", ((Number) building.get("version")).intValue())).isEqualTo("FAILED");
                assertThat(stack.db().count("select count(*) from information_schema.schemata where schema_name = ?", target)).isZero();
                yield "rebuild of detail aborted: its target corrupted mid-replay";
            }
        };
    }

    /** Starts a slow rebuild, stops it once it replays, and answers the version it leaves BUILDING. */
    private int stopMidReplay(String projection) {
        String run = startSlow(projection);
        awaitReplaying(projection, run);
        rebuilds.stop(run);
        assertThat(rebuilds.awaitEnd(run, RUN).status()).isEqualTo(ExecutionStatus.ABORTED);
        return (int) stack.db().count("select version from projection_version where projection = ? and status = 'BUILDING' and run_id = ?",
                projection, run);
    }

    private void rebuild(String input, Map<String, Expected> model, String which) {
        DescribeExecutionResponse result = rebuilds.awaitEnd(rebuilds.start(input), RUN);
        assertThat(result.status()).as(input + " → " + result.error() + ": " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        for (String projection : "all".equals(which) ? PROJECTIONS : List.of(which)) {
            model.get(projection).rebuiltAs(live(projection));
        }
    }

    /** A rollback, refused where the model says it must be; answers whether it went ahead. */
    private boolean rollback(String projection, Expected expected, Map<String, Integer> rolledBackTo) {
        if (expected.byRollback || expected.previous == null) {
            assertThat(rebuilds.refusedRollback(projection)).as("rollback of " + projection + " refused")
                    .containsAnyOf("a second rollback in a row", "no version before it", "only a RETIRED version");
            assertThat(live(projection)).isEqualTo(expected.live);
            return false;
        }
        String answer = rebuilds.rollback(projection);
        assertThat(answer).contains("\"live\":" + expected.previous, "\"replaced\":" + expected.live);
        int rejected = expected.live;
        expected.live = expected.previous;
        expected.previous = rejected;
        expected.byRollback = true;
        rolledBackTo.put(projection, expected.live);
        return true;
    }

    /** A rebuild slow enough (about 15 replay tasks) that a second execution, a stop or a corruption lands while it replays. */
    private String startSlow(String projection) {
        long logged = stack.db().count("select count(*) from outbox");
        return rebuilds.start("{\"projection\": \"" + projection + "\", \"pace\": {\"batchEvents\": " + Math.max(1, logged / 15)
                + ", \"sliceSeconds\": 0}}");
    }

    private void awaitReplaying(String projection, String execution) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> stack.db().count("""
                select count(*) from projection_version
                 where projection = ? and status = 'BUILDING' and run_id = ? and events_replayed > 0""", projection, execution) == 1);
    }

    /**
     * With the writers paused: both read models equal the write model, the LIVE versions are the model's, and few
     * versions exist. A version a rollback made LIVE again holds what it held when it was LIVE before, for every product
     * nothing has changed since; then what each LIVE version holds is kept for the next rollback to it.
     */
    private void check(String tenant, Map<String, Expected> model, String when, Map<String, Integer> rolledBackTo) {
        writing.writeLock().lock();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(ReadModelCheck.differences(stack.db(), tenant)).as("detail " + when).isEmpty();
                assertThat(SearchModelCheck.differences(stack, tenant)).as("search " + when).isEmpty();
            });
            for (String projection : PROJECTIONS) {
                Map<String, JsonNode> content = content(projection, tenant);
                Map<Integer, Map<String, JsonNode>> kept = snapshots.computeIfAbsent(projection, p -> new HashMap<>());
                Integer back = rolledBackTo.get(projection);
                if (back != null && kept.containsKey(back)) {
                    List<String> differences = new ArrayList<>();
                    long compared = unchangedSinceLive(projection, kept.get(back), content, differences);
                    assertThat(differences).as(projection + " v" + back + " LIVE again, against what it held when LIVE before, " + when).isEmpty();
                    assertThat(compared).as("products compared with what " + projection + " v" + back + " held before").isGreaterThanOrEqualTo(BYSTANDERS);
                    snapshotsCompared++;
                }
                kept.put(live(projection), content);
            }
        } finally {
            writing.writeLock().unlock();
        }
        for (String projection : PROJECTIONS) {
            assertThat(live(projection)).as("LIVE " + projection + " " + when).isEqualTo(model.get(projection).live);
            assertThat(stack.db().count("""
                    select count(*) from projection_version where projection = ? and status not in ('LIVE', 'RETIRED', 'FAILED', 'DROPPED')""",
                    projection)).as("versions still BUILDING, RETIRING or CATCHING_UP for " + projection + " " + when).isZero();
            assertThat(stack.db().count("select count(*) from projection_version where projection = ? and status = 'RETIRED'", projection))
                    .as("RETIRED versions of " + projection + " " + when).isLessThanOrEqualTo(1);
        }
    }

    /**
     * What the LIVE version holds for the tenant, by product: the detail rows as stored (but for the sequence it was
     * last written at, bookkeeping), the products as search answers them.
     */
    private Map<String, JsonNode> content(String projection, String tenant) {
        Map<String, JsonNode> content = new TreeMap<>();
        if ("detail".equals(projection)) {
            String target = Rebuilds.live(stack.db(), "detail").get("target").toString();
            for (String row : stack.db().texts("select (to_jsonb(d) - 'last_sequence')::text from " + target
                    + ".product_detail d where tenant_id = ?", tenant)) {
                JsonNode json = read(row);
                content.put(json.get("id").asText(), json);
            }
            return content;
        }
        JsonNode page = stack.overHttp(ApiCall.to("GET /products/search").tenant(tenant).query("sort", "name").query("limit", "100")).json();
        page.get("items").forEach(item -> content.put(item.get("id").asText(), item));
        return content;
    }

    /**
     * Compares the products nothing has changed since the version was LIVE before (the same product and stock versions,
     * or version and stock for search, and the same category name) with what it held then; adds to {@code differences}
     * those that differ, and those gone. Answers how many it compared.
     */
    private static long unchangedSinceLive(String projection, Map<String, JsonNode> before, Map<String, JsonNode> now,
                                           List<String> differences) {
        List<String> keys = "detail".equals(projection) ? List.of("product_version", "inventory_version", "category_name")
                : List.of("version", "stockTotal", "category");
        long compared = 0;
        for (Map.Entry<String, JsonNode> entry : before.entrySet()) {
            JsonNode then = entry.getValue();
            JsonNode current = now.get(entry.getKey());
            if (current == null) {
                differences.add(entry.getKey() + " is gone");
            } else if (keys.stream().allMatch(key -> then.path(key).equals(current.path(key)))) {
                compared++;
                if (!then.equals(current)) {
                    differences.add(entry.getKey() + " was " + then + ", is " + current);
                }
            }
        }
        return compared;
    }

    private static JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String status(String projection, int version) {
        return stack.db().text("select status from projection_version where projection = ? and version = ?", projection, version);
    }

    /** A writer owning some products: reprices them, sets their stock, renames the shared categories. */
    private void write(String tenant, List<String> owned, List<String> categories, AtomicBoolean stop) {
        while (!stop.get()) {
            writing.readLock().lock();
            try {
                String product = owned.get(ThreadLocalRandom.current().nextInt(owned.size()));
                switch (ThreadLocalRandom.current().nextInt(3)) {
                    case 0 -> {
                        long version = stack.db().count("select version from product where id = ?::uuid", product);
                        stack.overHttp(ApiCall.to("PUT /products/{id}/price").with("id", product).tenant(tenant).ifMatch(version)
                                .json("{\"amount\": \"" + ThreadLocalRandom.current().nextInt(1, 500) + ".99\", \"currency\": \"EUR\"}"));
                    }
                    case 1 -> stack.overHttp(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", product)
                            .with("warehouse", "W" + ThreadLocalRandom.current().nextInt(3)).tenant(tenant)
                            .json("{\"quantity\": " + ThreadLocalRandom.current().nextInt(100) + "}"));
                    default -> {
                        String category = categories.get(ThreadLocalRandom.current().nextInt(categories.size()));
                        long version = stack.db().count("select version from category where id = ?::uuid", category);
                        stack.overHttp(ApiCall.to("PATCH /categories/{id}").with("id", category).tenant(tenant).ifMatch(version)
                                .json("{\"name\": \"Aisle " + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}"));
                    }
                }
            } finally {
                writing.readLock().unlock();
            }
        }
    }

    private int live(String projection) {
        return ((Number) Rebuilds.live(stack.db(), projection).get("version")).intValue();
    }

    private String create(String tenant, String route, String body) {
        ApiAnswer answer = stack.overHttp(ApiCall.to(route).json(body).tenant(tenant));
        assertThat(answer.status()).as(answer.toString()).isLessThan(300);
        return answer.id();
    }
}
