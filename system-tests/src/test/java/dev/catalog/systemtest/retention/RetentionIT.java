package dev.catalog.systemtest.retention;

import static dev.catalog.systemtest.support.Bodies.category;
import static dev.catalog.systemtest.support.Bodies.productInCategory;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.catalog.local.schedules.Schedules;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.Rebuilds;
import dev.catalog.systemtest.support.SearchModelCheck;
import dev.catalog.systemtest.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The retention task as the local runtime runs template.yaml's schedule (the timer's own path, started by hand), then
 * rebuilds over the log it thinned out: both read models come out the same, also from a sequence that was a deleted
 * heartbeat's.
 */
class RetentionIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Duration REBUILD = Duration.ofMinutes(5);

    private final CatalogStack stack = CatalogStack.get();

    @Test
    void a_retention_run_thins_out_heartbeats_and_keys_and_a_rebuild_after_it_builds_the_same_read_models() {
        String tenant = Tenants.fresh("retention");
        String shelf = call(tenant, ApiCall.to("POST /categories").json(category("Shelf"))).id();
        // Old heartbeats between the events, as Debezium's action query writes them, dated two days back.
        List<Long> oldHeartbeats = new ArrayList<>();
        List<String> products = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            oldHeartbeats.add(oldHeartbeat());
            products.add(call(tenant, ApiCall.to("POST /products").idempotencyKey("create-" + i)
                    .json(productInCategory(uniqueSku(), shelf))).id());
        }
        products.subList(0, 3).forEach(id -> call(tenant, ApiCall.to("PUT /products/{id}/price").with("id", id).ifMatch(1)
                .json("{\"amount\": \"42.00\", \"currency\": \"EUR\"}")));
        // Half the keys were used 25 hours ago.
        stack.db().execute("update idempotency_key set created_at = created_at - interval '25 hours' "
                + "where tenant_id = ? and key in ('create-0', 'create-1', 'create-2')", tenant);
        await().atMost(SETTLE).untilAsserted(() -> {
            assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
            assertThat(SearchModelCheck.differences(stack, tenant)).isEmpty();
        });
        long events = stack.db().count("select count(*) from outbox where aggregate_type <> 'heartbeat'");
        List<String> detail = detailRows(tenant);

        Schedules.Run run = stack.stack().schedules().runNow("RetentionFunction.Hourly");

        assertThat(run.outcome()).isEqualTo("succeeded");
        assertThat(stack.stack().status().schedules()).as("./catalog status shows the run")
                .anySatisfy(schedule -> {
                    assertThat(schedule.schedule()).isEqualTo("RetentionFunction.Hourly");
                    assertThat(schedule.expression()).isEqualTo("rate(1 hour)");
                    assertThat(schedule.lastRunAt()).isEqualTo(run.at());
                    assertThat(schedule.lastRunOutcome()).isEqualTo("succeeded");
                    assertThat(schedule.nextRunAt()).isAfter(run.at());
                });
        assertThat(stack.db().count("select count(*) from outbox where sequence = any(?::bigint[])", array(oldHeartbeats))).isZero();
        assertThat(stack.db().count("select count(*) from outbox where aggregate_type = 'heartbeat' and occurred_at < now() - interval '1 hour'"))
                .isZero();
        assertThat(stack.db().count("select count(*) from outbox where aggregate_type = 'heartbeat'"))
                .as("the heartbeats of the last hour stay").isPositive();
        assertThat(stack.db().count("select count(*) from outbox where aggregate_type <> 'heartbeat'")).isEqualTo(events);
        assertThat(stack.db().texts("select key from idempotency_key where tenant_id = ? order by key", tenant))
                .containsExactly("create-3", "create-4", "create-5");
        // Debezium passes the deletes by: the pipeline goes on.
        String after = call(tenant, ApiCall.to("POST /products").json(productInCategory(uniqueSku(), shelf))).id();
        await().atMost(SETTLE).until(() -> stack.db().count(
                "select count(*) from catalog_read.product_detail where tenant_id = ? and id = ?::uuid", tenant, after) == 1);

        try (Rebuilds rebuilds = new Rebuilds(stack.stack().awsEndpoint().url())) {
            DescribeExecutionResponse whole = rebuilds.awaitEnd(rebuilds.start("{\"projection\": \"all\"}"), REBUILD);
            assertThat(whole.status()).as(whole.error() + ": " + whole.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(detailRows(tenant)).containsAll(detail).hasSize(detail.size() + 1);
            assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
            assertThat(SearchModelCheck.differences(stack, tenant)).isEmpty();

            // From the sequence of a heartbeat that is gone: a gap, not an end of the log.
            DescribeExecutionResponse partial = rebuilds.awaitEnd(rebuilds.start("{\"projection\": \"detail\", \"fromSequence\": "
                    + oldHeartbeats.getFirst() + "}"), REBUILD);
            assertThat(partial.status()).as(partial.error() + ": " + partial.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(detailRows(tenant)).containsAll(detail).hasSize(detail.size() + 1);
            assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
        }
    }

    /** Debezium's heartbeat action query (debezium-server/application.properties), dated two days back. */
    private long oldHeartbeat() {
        return stack.db().count("""
                insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_key,
                                    event_type, schema_version, occurred_at, payload)
                select gen_random_uuid(), '*', 'heartbeat', 'debezium', (extract(epoch from now) * 1000000)::bigint, '*:debezium',
                       'Heartbeat', 1, now - interval '2 days', jsonb_build_object('emittedAt', now - interval '2 days')
                  from clock_timestamp() as now
                returning sequence""");
    }

    /** The tenant's product detail pages as readers get them, whole rows as JSON, in id order. */
    private List<String> detailRows(String tenant) {
        return stack.db().texts("select row_to_json(p)::text from catalog_read.product_detail p where tenant_id = ? order by id", tenant);
    }

    private static String array(List<Long> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }

    private ApiAnswer call(String tenant, ApiCall call) {
        ApiAnswer answer = stack.overHttp(call.tenant(tenant));
        assertThat(answer.status()).as(answer.toString()).isLessThan(300);
        return answer;
    }
}
