package dev.catalog.local.stepfunctions.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StateMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executions of every state machine: started here, or found on disk from an earlier run of the local runtime.
 *
 * <p>Executions do not survive the runtime: one still RUNNING when the runtime closes, or found RUNNING on disk when
 * it starts (the runtime was killed), ends ABORTED with error {@value #RUNTIME_STOPPED} and a cause saying so.
 */
public final class Executions implements AutoCloseable {

    /** The error of an execution that the local runtime's stop interrupted. */
    public static final String RUNTIME_STOPPED = "Local.RuntimeStopped";

    private static final Logger LOG = LoggerFactory.getLogger(Executions.class);

    private final ExecutionStore store;
    private final EngineServices services;
    private final Map<String, Tracked> byArn = new ConcurrentHashMap<>();

    /** What is known of an execution: a run of this process, or one read from disk. */
    private sealed interface Tracked permits Live, Stored {
        Execution snapshot();

        Path historyFile();
    }

    private record Live(ExecutionRun run) implements Tracked {
        @Override
        public Execution snapshot() {
            return run.snapshot();
        }

        @Override
        public Path historyFile() {
            return run.historyFile();
        }
    }

    private record Stored(Execution snapshot, Path historyFile) implements Tracked {
    }

    public Executions(Path dataDirectory, EngineServices services) {
        this.store = new ExecutionStore(dataDirectory);
        this.services = services;
        for (ExecutionStore.Stored stored : store.loadAll()) {
            Path historyFile = store.historyFile(stored.stateMachineName(), stored.execution().name());
            Execution execution = stored.execution();
            if (execution.status() == ExecutionStatus.RUNNING) {
                execution = abortAbandoned(stored.stateMachineName(), execution, historyFile);
            }
            byArn.put(execution.executionArn(), new Stored(execution, historyFile));
        }
    }

    private Execution abortAbandoned(String stateMachineName, Execution execution, Path historyFile) {
        String cause = "The local runtime stopped without ending this execution (it was found RUNNING when the runtime "
                + "started again). Executions do not resume after a restart: start a new one.";
        LOG.warn("execution {} was left RUNNING by an earlier run of the local runtime: marking it ABORTED",
                execution.executionArn());
        var now = services.clock().instant();
        try (HistoryLog history = HistoryLog.reopen(historyFile)) {
            ObjectNode details = Json.object();
            details.put("error", RUNTIME_STOPPED);
            details.put("cause", cause);
            history.append("ExecutionAborted", 0, now, details);
        }
        Execution aborted = execution.ended(ExecutionStatus.ABORTED, now, null, RUNTIME_STOPPED, cause);
        store.save(stateMachineName, aborted);
        return aborted;
    }

    /**
     * Starts an execution. Like Step Functions for standard workflows, starting a RUNNING execution's name again with
     * the same input returns that execution; any other reuse of a name is refused.
     */
    public synchronized Execution start(StateMachine stateMachine, String executionArn, String name, String input) {
        Tracked existing = byArn.get(executionArn);
        if (existing != null) {
            Execution execution = existing.snapshot();
            if (execution.status() == ExecutionStatus.RUNNING && Json.parse(execution.input()).equals(Json.parse(input))) {
                return execution;
            }
            throw new ExecutionAlreadyExistsException("Execution Already Exists: '" + executionArn + "'");
        }
        Execution execution = Execution.started(executionArn, stateMachine.arn(), name, services.clock().instant(), input);
        ExecutionRun run = ExecutionRun.start(stateMachine, execution, services, store);
        byArn.put(executionArn, new Live(run));
        return run.snapshot();
    }

    public Optional<Execution> describe(String executionArn) {
        return Optional.ofNullable(byArn.get(executionArn)).map(Tracked::snapshot);
    }

    /** The executions of one state machine, newest first (as ListExecutions orders them). */
    public List<Execution> list(String stateMachineArn) {
        return byArn.values().stream()
                .map(Tracked::snapshot)
                .filter(execution -> execution.stateMachineArn().equals(stateMachineArn))
                .sorted(Comparator.comparing(Execution::startDate).reversed().thenComparing(Execution::name))
                .toList();
    }

    /** Ends a RUNNING execution as ABORTED; an execution that already ended is left as it is. */
    public Optional<Execution> stop(String executionArn, String error, String cause) {
        Tracked tracked = byArn.get(executionArn);
        if (tracked instanceof Live live) {
            live.run().stop(error, cause);
        }
        return Optional.ofNullable(tracked).map(Tracked::snapshot);
    }

    /** Every recorded event of an execution, oldest first, as GetExecutionHistory returns them. */
    public Optional<List<JsonNode>> history(String executionArn) {
        return Optional.ofNullable(byArn.get(executionArn))
                .map(tracked -> Files.exists(tracked.historyFile()) ? HistoryLog.readAll(tracked.historyFile()) : List.of());
    }

    /** Aborts the executions still running: they cannot outlive the runtime. */
    @Override
    public void close() {
        byArn.values().forEach(tracked -> {
            if (tracked instanceof Live live) {
                live.run().stop(RUNTIME_STOPPED, "The local runtime stopped while this execution was running. "
                        + "Executions do not resume after a restart: start a new one.");
            }
        });
    }
}
