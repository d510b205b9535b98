package dev.catalog.systemtest.commands;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Races between writers, through the real HTTP API: the database, not luck, decides who wins. */
class ConcurrentCommandsIT {

    private final CatalogStack stack = CatalogStack.get();

    @Test
    void twenty_concurrent_creates_of_one_sku_give_exactly_one_201_and_nineteen_409() throws Exception {
        String tenant = Tenants.fresh("race");
        String sku = uniqueSku();

        List<ApiAnswer> answers = race(20, i -> ApiCall.to("POST /products").tenant(tenant).json(product(sku)));

        Map<Integer, Long> statuses = answers.stream().collect(Collectors.groupingBy(ApiAnswer::status, Collectors.counting()));
        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 19L));
        assertThat(answers).filteredOn(answer -> answer.status() == 409).extracting(ApiAnswer::code).containsOnly("duplicate_sku");
        assertThat(stack.db().count("select count(*) from product where tenant_id = ? and sku = ?", tenant, sku)).isOne();
        assertThat(stack.db().count("select count(*) from outbox where tenant_id = ?", tenant)).isOne();

        ApiAnswer otherTenant = stack.overHttp(ApiCall.to("POST /products").tenant(Tenants.fresh("race-other")).json(product(sku)));
        assertThat(otherTenant.status()).as("the same SKU in another tenant").isEqualTo(201);
    }

    @Test
    void concurrent_updates_at_one_version_let_exactly_one_through() throws Exception {
        String tenant = Tenants.fresh("race");
        String id = stack.overHttp(ApiCall.to("POST /products").tenant(tenant).json(product(uniqueSku()))).id();

        List<ApiAnswer> answers = race(10, i -> ApiCall.to("PATCH /products/{id}").with("id", id).tenant(tenant).ifMatch(1)
                .json("{\"name\": \"Name " + i + "\"}"));

        assertThat(answers).extracting(ApiAnswer::status).containsOnly(200, 412);
        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
        assertThat(stack.db().count("select version from product where id = ?::uuid", id)).isEqualTo(2);
    }

    @Test
    void concurrent_creates_with_one_idempotency_key_create_once_and_replay_for_the_rest() throws Exception {
        String tenant = Tenants.fresh("race");
        String body = product(uniqueSku());

        List<ApiAnswer> answers = race(10, i -> ApiCall.to("POST /products").tenant(tenant).idempotencyKey("same-key").json(body));

        assertThat(answers).extracting(ApiAnswer::status).containsOnly(201);
        assertThat(answers).extracting(ApiAnswer::id).containsOnly(answers.getFirst().id());
        assertThat(answers).filteredOn(answer -> answer.header("Idempotent-Replayed").isPresent()).hasSize(9);
        assertThat(stack.db().count("select count(*) from outbox where tenant_id = ?", tenant)).isOne();
    }

    @Test
    void concurrent_stock_counts_of_one_product_are_serialized_without_lost_versions() throws Exception {
        String tenant = Tenants.fresh("race");
        String id = stack.overHttp(ApiCall.to("POST /products").tenant(tenant).json(product(uniqueSku()))).id();

        List<ApiAnswer> answers = race(10, i -> ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id)
                .with("warehouse", "W" + i).tenant(tenant).json("{\"quantity\": " + (i + 1) + "}"));

        assertThat(answers).extracting(ApiAnswer::status).containsOnly(200);
        assertThat(answers).extracting(answer -> answer.json().get("version").asLong())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 10).mapToObj(Long::valueOf).toList());
        assertThat(stack.db().count("select sum(quantity) from stock_level where product_id = ?::uuid", id)).isEqualTo(55);
    }

    /** Sends the calls over HTTP all at once, released together by a latch. */
    private List<ApiAnswer> race(int writers, Function<Integer, ApiCall> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<ApiAnswer>> futures = IntStream.range(0, writers)
                    .mapToObj(i -> pool.submit((Callable<ApiAnswer>) () -> {
                        start.await();
                        return stack.overHttp(call.apply(i));
                    }))
                    .toList();
            start.countDown();
            List<ApiAnswer> answers = new java.util.ArrayList<>();
            for (Future<ApiAnswer> future : futures) {
                answers.add(future.get());
            }
            return answers;
        }
    }
}
