package dev.catalog.systemtest.rebuild;

import static dev.catalog.systemtest.support.Bodies.productInCategory;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.Rebuilds;
import dev.catalog.systemtest.support.SearchModelCheck;
import dev.catalog.systemtest.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
 * refused), a run stopped mid-replay and resumed by the next, a second execution started while one runs (refused,
 * naming it). After every step, with the writers paused: both LIVE read models equal the write model, the LIVE
 * version is the one the model expects, and no more versions exist than LIVE, one RETIRED and no leftovers.
 *
 * <p>The seeds are fixed so a failure is a regression case; {@code -Drebuild.model.seeds=1,2,3} tries others.
 */
class RebuildModelIT {

    private static final Duration RUN = Duration.ofMinutes(5);
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final int STEPS = 7;
    private static final List<String> PROJECTIONS = List.of("detail", "search");

    private final CatalogStack stack = CatalogStack.get();
    private final ReadWriteLock writing = new ReentrantReadWriteLock();
    private Rebuilds rebuilds;

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
        List<String> steps = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        try (ExecutorService writers = Executors.newFixedThreadPool(3)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                List<String> owned = products.subList(w * 4, w * 4 + 4);
                running.add(writers.submit(() -> write(tenant, owned, categories, stop)));
            }
            for (int step = 0; step < STEPS; step++) {
                String done = step(random, model);
                steps.add(done);
                System.out.println("RebuildModelIT seed " + seed + " step " + (step + 1) + ": " + done);
                check(tenant, model, "seed " + seed + " after " + steps);
            }
            stop.set(true);
            for (Future<?> writer : running) {
                writer.get();
            }
        }
    }

    /** One random step, checked against the model; answers what it did. */
    private String step(Random random, Map<String, Expected> model) {
        String projection = PROJECTIONS.get(random.nextInt(PROJECTIONS.size()));
        return switch (random.nextInt(6)) {
            case 0 -> {
                String which = random.nextBoolean() ? "all" : projection;
                rebuild("{\"projection\": \"" + which + "\"}", model, which);
                yield "full rebuild of " + which;
            }
            case 1 -> {
                long last = stack.db().count("select max(sequence) from outbox");
                long from = Math.max(1, last - 1 - random.nextInt((int) Math.min(last - 1, 2_000)));
                rebuild("{\"projection\": \"" + projection + "\", \"fromSequence\": " + from + "}", model, projection);
                yield "partial rebuild of " + projection + " from " + from;
            }
            case 2, 3 -> {
                rollback(projection, model.get(projection));
                yield "rollback of " + projection;
            }
            case 4 -> {
                String first = startSlow(projection);
                awaitReplaying(projection, first);
                rebuilds.stop(first);
                assertThat(rebuilds.awaitEnd(first, RUN).status()).isEqualTo(ExecutionStatus.ABORTED);
                // The next run takes the stopped run's version over and finishes it.
                rebuild("{\"projection\": \"" + projection + "\"}", model, projection);
                yield "rebuild of " + projection + " stopped mid-replay, then resumed";
            }
            default -> {
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
        };
    }

    private void rebuild(String input, Map<String, Expected> model, String which) {
        DescribeExecutionResponse result = rebuilds.awaitEnd(rebuilds.start(input), RUN);
        assertThat(result.status()).as(input + " → " + result.error() + ": " + result.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        for (String projection : "all".equals(which) ? PROJECTIONS : List.of(which)) {
            model.get(projection).rebuiltAs(live(projection));
        }
    }

    private void rollback(String projection, Expected expected) {
        if (expected.byRollback || expected.previous == null) {
            assertThat(rebuilds.refusedRollback(projection)).as("rollback of " + projection + " refused")
                    .containsAnyOf("a second rollback in a row", "no version before it", "only a RETIRED version");
            assertThat(live(projection)).isEqualTo(expected.live);
            return;
        }
        String answer = rebuilds.rollback(projection);
        assertThat(answer).contains("\"live\":" + expected.previous, "\"replaced\":" + expected.live);
        int rejected = expected.live;
        expected.live = expected.previous;
        expected.previous = rejected;
        expected.byRollback = true;
    }

    /** A rebuild slow enough (about 40 replay tasks) that a second execution or a stop lands while it replays. */
    private String startSlow(String projection) {
        long logged = stack.db().count("select count(*) from outbox");
        return rebuilds.start("{\"projection\": \"" + projection + "\", \"pace\": {\"batchEvents\": " + Math.max(1, logged / 40)
                + ", \"sliceSeconds\": 0}}");
    }

    private void awaitReplaying(String projection, String execution) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> stack.db().count("""
                select count(*) from projection_version
                 where projection = ? and status = 'BUILDING' and run_id = ? and events_replayed > 0""", projection, execution) == 1);
    }

    /** With the writers paused: both read models equal the write model, the LIVE versions are the model's, and few versions exist. */
    private void check(String tenant, Map<String, Expected> model, String when) {
        writing.writeLock().lock();
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(ReadModelCheck.differences(stack.db(), tenant)).as("detail " + when).isEmpty();
                assertThat(SearchModelCheck.differences(stack, tenant)).as("search " + when).isEmpty();
            });
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
