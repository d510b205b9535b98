package dev.catalog.systemtest.pipeline;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Debezium Server killed with SIGKILL while commands stream in, then restarted by its supervisor: nothing is lost. The events it had
 * sent but not yet recorded as sent are sent again, and the projection shrugs them off.
 */
class DebeziumCrashIT {

    private static final int COMMANDS = 2_000;
    private static final int WRITERS = 4;

    private final CatalogStack stack = CatalogStack.get();

    @Test
    void the_read_model_equals_the_write_model_after_debezium_is_killed_mid_stream() throws Exception {
        String tenant = Tenants.fresh("crash");
        AtomicInteger sent = new AtomicInteger();
        List<Future<Integer>> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> write(tenant, sent)));
            }
            // Progress gates, not timings: bounded generously, since two shared cores may go slowly.
            await().atMost(Duration.ofMinutes(5)).until(() -> sent.get() >= COMMANDS / 4);
            stack.stack().debezium().kill();  // its supervisor starts it again, as ECS would
            await().atMost(Duration.ofMinutes(5)).until(() -> sent.get() >= COMMANDS / 2);
            int committed = 0;
            for (Future<Integer> writer : writers) {
                committed += writer.get();
            }
            assertThat(committed).isEqualTo(COMMANDS);
        }

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty());
        assertThat(stack.db().count("select count(*) from catalog_read.product_detail where tenant_id = ?", tenant))
                .isEqualTo(stack.db().count("select count(*) from product where tenant_id = ?", tenant));
    }

    /** Creates products and reprices them, through the HTTP API, until the shared count reaches COMMANDS. */
    private int write(String tenant, AtomicInteger sent) {
        int committed = 0;
        String id = null;
        long version = 0;
        while (sent.getAndIncrement() < COMMANDS) {
            ApiAnswer answer;
            if (id == null || version >= 5) {
                answer = stack.overHttp(ApiCall.to("POST /products").tenant(tenant).json(product(uniqueSku())));
            } else {
                answer = stack.overHttp(ApiCall.to("PUT /products/{id}/price").with("id", id).tenant(tenant).ifMatch(version)
                        .json("{\"amount\": \"" + (10 + version) + ".50\", \"currency\": \"EUR\"}"));
            }
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
            id = answer.id();
            version = answer.version();
            committed++;
        }
        return committed;
    }
}
