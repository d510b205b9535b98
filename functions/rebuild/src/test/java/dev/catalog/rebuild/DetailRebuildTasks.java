package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.catalog.command.testing.CommandFunctions;
import dev.catalog.command.testing.TimedContext;
import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.local.services.postgres.DatabaseLogins;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.TestPostgres;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.projection.detail.DetailReadModel;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * The rebuild's task functions as the state machine calls them, for the detail read model, on the test JVM's
 * PostgreSQL ({@link TestPostgres}, with the deployment's migrations) connected as the rebuild's own role. Each input
 * starts from its sample in {@code events/} or is the previous task's answer, passed on as Step Functions passes it:
 * written and read back as JSON by the Lambda runtime's serializer. The search side needs OpenSearch and is left to
 * the system tests ({@code RebuildIT}).
 */
final class DetailRebuildTasks {

    static final PostgresConnection OWNER = TestPostgres.migrated();
    private static final PostgresConnection REBUILD_ROLE = DatabaseLogins.enable(OWNER).get(DatabaseRole.REBUILD);
    private static final DataSource DATABASE = CommandFunctions.dataSource(REBUILD_ROLE);

    /** The executions Step Functions would report as still going; every other one has ended. */
    static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();
    static final int RETIRED_KEPT = 1;
    static final Rebuilds REBUILDS = new Rebuilds(DATABASE, Map.of(ProjectionName.DETAIL.id(), new DetailReadModel(DATABASE).versions()), RUNNING::contains);

    static final PrepareRebuildFunction PREPARE = new PrepareRebuildFunction(REBUILDS);
    static final ReplayRebuildFunction REPLAY = new ReplayRebuildFunction(REBUILDS);
    static final VerifyRebuildFunction VERIFY = new VerifyRebuildFunction(REBUILDS);
    static final CutOverRebuildFunction CUT_OVER = new CutOverRebuildFunction(REBUILDS, RETIRED_KEPT);
    static final AbortRebuildFunction ABORT = new AbortRebuildFunction(REBUILDS);
    static final RollbackProjectionFunction ROLLBACK = new RollbackProjectionFunction(REBUILDS, RETIRED_KEPT);
    /** An invocation with a Lambda function's whole 15 minutes left. */
    static final Context TASK = new TimedContext(Duration.ofMinutes(15));

    private DetailRebuildTasks() {
    }

    /** Prepare's sample, for the detail projection, as execution {@code runId} passes it ({@code $$.Execution.Id}). */
    static PrepareRebuildFunction.Input prepareInput(String runId, RebuildRequest.Pace pace) {
        PrepareRebuildFunction.Input sample = sample("PrepareRebuildFunction", PrepareRebuildFunction.Input.class);
        return stepFunctions(new PrepareRebuildFunction.Input(runId, new RebuildRequest(ProjectionName.DETAIL.id(),
                sample.request().fromSequence(), pace == null ? sample.request().pace() : pace)), PrepareRebuildFunction.Input.class);
    }

    /** Abort's sample, as the state machine's Catch hands it over for execution {@code runId}. */
    static AbortRebuildFunction.Input abortInput(String runId, String error, String cause) {
        AbortRebuildFunction.Input sample = sample("AbortRebuildFunction", AbortRebuildFunction.Input.class);
        return stepFunctions(new AbortRebuildFunction.Input(runId, error == null ? sample.error() : error,
                cause == null ? sample.cause() : cause), AbortRebuildFunction.Input.class);
    }

    /** Rollback's sample, for the detail projection. */
    static RollbackProjectionFunction.Input rollbackInput(Integer toVersion) {
        RollbackProjectionFunction.Input sample = sample("RollbackProjectionFunction", RollbackProjectionFunction.Input.class);
        return stepFunctions(new RollbackProjectionFunction.Input(ProjectionName.DETAIL.id(),
                toVersion == null ? sample.toVersion() : toVersion), RollbackProjectionFunction.Input.class);
    }

    /**
     * Prepare, Replay until done, Verify, as the state machine runs them; the verified state, before its cut-over.
     * Replay's turns are bounded, so a replay that never ends fails the test instead of hanging it.
     */
    static RebuildState preparedReplayedVerified(String runId) {
        RebuildState state = stepFunctions(PREPARE.handleRequest(prepareInput(runId, null), TASK), RebuildState.class);
        for (int turn = 0; !state.done(); turn++) {
            if (turn == 1_000) {
                throw new AssertionError("replay did not finish in 1,000 turns: " + state);
            }
            state = stepFunctions(REPLAY.handleRequest(state, TASK), RebuildState.class);
        }
        return stepFunctions(VERIFY.handleRequest(state, TASK), RebuildState.class);
    }

    /** A whole rebuild of detail that passes verification and is cut over; the cut-over's answer. */
    static RebuildState rebuilt(String runId) {
        RebuildState verified = preparedReplayedVerified(runId);
        if (!verified.verification().passed()) {
            throw new AssertionError("verification failed: " + verified.verification().findings());
        }
        return stepFunctions(CUT_OVER.handleRequest(verified, TASK), RebuildState.class);
    }

    /** {@code value} written as JSON and read back as {@code type}, by the serializer the Lambda Java runtime uses. */
    @SuppressWarnings("unchecked")
    static <T> T stepFunctions(Object value, Class<T> type) {
        PojoSerializer<Object> writer = (PojoSerializer<Object>) JacksonFactory.getInstance().getSerializer(value.getClass());
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        writer.toJson(value, json);
        return JacksonFactory.getInstance().getSerializer(type).fromJson(json.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static <T> T sample(String function, Class<T> type) {
        return EventLoader.loadEvent("/events/" + function + ".json", type);
    }
}
