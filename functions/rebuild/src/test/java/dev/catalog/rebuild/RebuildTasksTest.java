package dev.catalog.rebuild;

import static dev.catalog.command.testing.CommandFunctions.API;
import static dev.catalog.command.testing.CommandFunctions.call;
import static dev.catalog.command.testing.CommandFunctions.newTenant;
import static dev.catalog.command.testing.CommandFunctions.query;
import static dev.catalog.rebuild.DetailRebuildTasks.ABORT;
import static dev.catalog.rebuild.DetailRebuildTasks.OWNER;
import static dev.catalog.rebuild.DetailRebuildTasks.PREPARE;
import static dev.catalog.rebuild.DetailRebuildTasks.REPLAY;
import static dev.catalog.rebuild.DetailRebuildTasks.ROLLBACK;
import static dev.catalog.rebuild.DetailRebuildTasks.RUNNING;
import static dev.catalog.rebuild.DetailRebuildTasks.TASK;
import static dev.catalog.rebuild.DetailRebuildTasks.VERIFY;
import static dev.catalog.rebuild.DetailRebuildTasks.abortInput;
import static dev.catalog.rebuild.DetailRebuildTasks.prepareInput;
import static dev.catalog.rebuild.DetailRebuildTasks.rebuilt;
import static dev.catalog.rebuild.DetailRebuildTasks.rollbackInput;
import static dev.catalog.rebuild.DetailRebuildTasks.stepFunctions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.command.category.CreateCategoryFunction;
import dev.catalog.command.category.UpdateCategoryFunction;
import dev.catalog.command.inventory.SetStockFunction;
import dev.catalog.command.product.CreateProductFunction;
import dev.catalog.command.testing.SampleRequest;
import dev.catalog.domain.shared.TenantId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rebuild's task functions (prepare, replay, verify, cut over, abort, rollback) for the detail read model, fed
 * as the state machine feeds them, on a real PostgreSQL as the rebuild's role. The write model and its events are
 * written through the command functions, each test in a tenant of its own. The versions of {@code detail} are shared
 * by the tests of this JVM: each one starts from whatever version is LIVE and ends with no version being built.
 */
class RebuildTasksTest {

    private final TenantId tenant = newTenant();
    private final String runId = "arn:aws:states:us-east-1:000000000000:execution:catalog-rebuild-local:" + UUID.randomUUID();

    @Test
    void a_rebuild_replays_the_log_verifies_the_new_version_and_cuts_readers_over_to_it() {
        String product = aShoeInACategoryRenamedAfterwards();
        int live = liveVersion();

        RebuildState prepared = stepFunctions(PREPARE.handleRequest(prepareInput(runId, null), TASK), RebuildState.class);
        assertThat(prepared.targets()).singleElement().satisfies(target -> {
            assertThat(target.projection()).isEqualTo("detail");
            assertThat(target.version()).isGreaterThan(live);
            assertThat(target.target()).isEqualTo("read_v" + target.version());
            assertThat(target.highWaterMark()).isGreaterThanOrEqualTo(lastSequence());
        });
        int version = prepared.targets().getFirst().version();
        assertThat(status(version)).isEqualTo("BUILDING");

        RebuildState cutOver = rebuilt(runId);

        assertThat(cutOver.verification().passed()).isTrue();
        assertThat(liveVersion()).isEqualTo(version);
        assertThat(status(live)).isEqualTo("RETIRED");
        assertThat(query("select name || ' / ' || category_name || ' / ' || stock_total from catalog_read.product_detail"
                + " where tenant_id = ? and id = ?::uuid", tenant.value(), product))
                .containsExactly("Trail Running Shoe / Trail Running / 12");
    }

    @Test
    void verification_finds_a_row_missing_from_the_new_version_and_abort_drops_it_leaving_the_live_one() throws SQLException {
        aShoeInACategoryRenamedAfterwards();
        int live = liveVersion();
        RebuildState replayed = stepFunctions(PREPARE.handleRequest(prepareInput(runId, null), TASK), RebuildState.class);
        while (!replayed.done()) {
            replayed = stepFunctions(REPLAY.handleRequest(replayed, TASK), RebuildState.class);
        }
        String target = replayed.targets().getFirst().target();
        execute("delete from " + target + ".product_detail where tenant_id = '" + tenant.value() + "'");

        RebuildState verified = stepFunctions(VERIFY.handleRequest(replayed, TASK), RebuildState.class);
        assertThat(verified.verification().passed()).isFalse();
        assertThat(verified.verification().findings()).anySatisfy(finding -> assertThat(finding).contains(tenant.value()));

        AbortRebuildFunction.Output aborted = ABORT.handleRequest(abortInput(runId, "Rebuild.VerificationFailed",
                String.join("; ", verified.verification().findings())), TASK);

        assertThat(aborted.aborted()).isTrue();
        assertThat(status(replayed.targets().getFirst().version())).isEqualTo("FAILED");
        assertThat(query("select count(*) from information_schema.schemata where schema_name = ?", target)).containsExactly("0");
        assertThat(liveVersion()).isEqualTo(live);
    }

    @Test
    void a_second_run_is_refused_while_the_first_goes_on_and_resumes_its_version_once_it_has_ended() {
        aShoeInACategoryRenamedAfterwards();
        String first = runId + "-first";
        RUNNING.add(first);
        try {
            RebuildRequest.Pace oneBatchPerTurn = new RebuildRequest.Pace(1, 0);
            RebuildState started = stepFunctions(PREPARE.handleRequest(prepareInput(first, oneBatchPerTurn), TASK),
                    RebuildState.class);
            RebuildState oneTurn = stepFunctions(REPLAY.handleRequest(started, TASK), RebuildState.class);
            long reached = oneTurn.targets().getFirst().position();
            assertThat(reached).isGreaterThan(started.targets().getFirst().position());

            assertThatThrownBy(() -> PREPARE.handleRequest(prepareInput(runId, null), TASK))
                    .isInstanceOf(RebuildInProgress.class).hasMessageContaining(first);

            RUNNING.remove(first);
            RebuildState resumed = stepFunctions(PREPARE.handleRequest(prepareInput(runId, null), TASK), RebuildState.class);
            assertThat(resumed.targets()).singleElement().satisfies(target -> {
                assertThat(target.version()).isEqualTo(started.targets().getFirst().version());
                assertThat(target.position()).isEqualTo(reached);
            });
            assertThatThrownBy(() -> REPLAY.handleRequest(oneTurn, TASK))
                    .hasMessageContaining("no longer answers for");
        } finally {
            RUNNING.remove(first);
            ABORT.handleRequest(abortInput(runId, "States.TaskFailed", "the test ends the run"), TASK);
        }
    }

    @Test
    void rollback_catches_the_previous_version_up_on_what_it_missed_and_makes_it_live_again_once_only() {
        int before = liveVersion();
        int rebuilt = rebuilt(runId).targets().getFirst().version();
        String missed = aShoeInACategoryRenamedAfterwards();

        Rebuilds.Rollback rollback = ROLLBACK.handleRequest(rollbackInput(null), TASK);

        assertThat(rollback.live()).isEqualTo(before);
        assertThat(rollback.replaced()).isEqualTo(rebuilt);
        assertThat(rollback.eventsReplayed()).isGreaterThanOrEqualTo(4);
        assertThat(liveVersion()).isEqualTo(before);
        assertThat(query("select category_name from catalog_read.product_detail where tenant_id = ? and id = ?::uuid",
                tenant.value(), missed)).containsExactly("Trail Running");
        assertThatThrownBy(() -> ROLLBACK.handleRequest(rollbackInput(null), TASK))
                .hasMessageContaining("second rollback in a row");
    }

    /** A category, a product in it with stock, then the category renamed: four events, through the command functions. */
    private String aShoeInACategoryRenamedAfterwards() {
        String category = call(new CreateCategoryFunction(API.categories(), API.ids()),
                SampleRequest.of("CreateCategoryFunction").tenant(tenant)).id();
        String product = call(new CreateProductFunction(API.products(), API.ids()), SampleRequest.of("CreateProductFunction")
                .tenant(tenant).body("""
                        {"sku": "RUN-SHOE-42", "name": "Trail Running Shoe", "categoryId": "%s",
                         "price": {"amount": "89.90", "currency": "EUR"}}""".formatted(category))).id();
        call(new SetStockFunction(API.inventory()), SampleRequest.of("SetStockFunction").tenant(tenant).id(product));
        call(new UpdateCategoryFunction(API.categories()), SampleRequest.of("UpdateCategoryFunction").tenant(tenant).id(category));
        assertThat(query("select count(*) from outbox where tenant_id = ?", tenant.value())).containsExactly("4");
        return product;
    }

    private static int liveVersion() {
        return Integer.parseInt(query("select version from projection_version where projection = 'detail' and status = 'LIVE'").getFirst());
    }

    private static String status(int version) {
        List<String> status = query("select status from projection_version where projection = 'detail' and version = ?", version);
        return status.isEmpty() ? null : status.getFirst();
    }

    private static long lastSequence() {
        return Long.parseLong(query("select max(sequence) from outbox").getFirst());
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = OWNER.open(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
