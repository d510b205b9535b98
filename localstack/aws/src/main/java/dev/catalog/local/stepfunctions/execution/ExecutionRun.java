package dev.catalog.local.stepfunctions.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.stepfunctions.ErrorNames;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StateMachine;
import dev.catalog.local.stepfunctions.StatesFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution while it runs: its status, its history, and the virtual threads working on it. Every event goes
 * through {@link #record}, which enforces the 25,000-event history limit and refuses events once the execution has
 * ended, so work still in flight after a stop leaves no trace.
 */
final class ExecutionRun {

    /** AWS's hard limit on a standard execution's history: the 25,000th event is the ExecutionFailed it ends with. */
    static final int MAX_HISTORY_EVENTS = 25_000;

    private static final Logger LOG = LoggerFactory.getLogger(ExecutionRun.class);

    private final StateMachine stateMachine;
    private final EngineServices services;
    private final ExecutionStore store;
    private final HistoryLog history;
    private final Path historyFile;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ObjectNode executionContext;
    private final ObjectNode stateMachineContext;
    private Execution execution;

    private ExecutionRun(StateMachine stateMachine, Execution execution, EngineServices services, ExecutionStore store) {
        this.stateMachine = stateMachine;
        this.execution = execution;
        this.services = services;
        this.store = store;
        store.createDirectory(stateMachine.name(), execution.name());
        this.historyFile = store.historyFile(stateMachine.name(), execution.name());
        this.history = HistoryLog.create(historyFile);
        this.executionContext = Json.object();
        executionContext.put("Id", execution.executionArn());
        executionContext.set("Input", Json.parse(execution.input()));
        executionContext.put("Name", execution.name());
        executionContext.put("RoleArn", stateMachine.roleArn());
        executionContext.put("StartTime", Timestamps.iso(execution.startDate()));
        executionContext.put("RedriveCount", 0);
        this.stateMachineContext = Json.object();
        stateMachineContext.put("Id", stateMachine.arn());
        stateMachineContext.put("Name", stateMachine.name());
    }

    /** Records ExecutionStarted, saves the execution, and starts it on a virtual thread. */
    static ExecutionRun start(StateMachine stateMachine, Execution execution, EngineServices services,
                              ExecutionStore store) {
        ExecutionRun run = new ExecutionRun(stateMachine, execution, services, store);
        ObjectNode details = Json.object();
        details.put("input", execution.input());
        details.putObject("inputDetails").put("truncated", false);
        details.put("roleArn", stateMachine.roleArn());
        synchronized (run) {
            run.history.append("ExecutionStarted", 0, execution.startDate(), details);
            store.save(stateMachine.name(), execution);
        }
        run.workers.submit(run::runToEnd);
        stateMachine.definition().timeoutSeconds().ifPresent(seconds -> run.workers.submit(() -> run.timeOutAfter(seconds)));
        return run;
    }

    private void runToEnd() {
        Strand top = Strand.top();
        try {
            JsonNode output = new Interpreter(this).runGraph(stateMachine.definition().graph(),
                    executionContext.get("Input"), top);
            ObjectNode details = Json.object();
            details.put("output", Json.text(output));
            details.putObject("outputDetails").put("truncated", false);
            end(ExecutionStatus.SUCCEEDED, "ExecutionSucceeded", top.lastEventId(), details, Json.text(output), null, null);
        } catch (StatesFailure failure) {
            fail(failure.error(), failure.cause(), top.lastEventId());
        } catch (RuntimeFailure failure) {
            // AWS does not chain a runtime failure to the state it happened in: previousEventId is 0.
            fail(failure.error(), failure.cause(), 0);
        } catch (CancelledException ended) {
            LOG.debug("execution {} unwound: {}", execution.executionArn(), ended.getMessage());
        } catch (RuntimeException | Error bug) {
            LOG.error("execution {} failed inside the engine", execution.executionArn(), bug);
            fail(ErrorNames.RUNTIME, "The local Step Functions engine failed: " + bug, 0);
        }
    }

    private void timeOutAfter(int seconds) {
        try {
            services.sleeper().sleep(Duration.ofSeconds(seconds));
        } catch (InterruptedException ended) {
            return;
        }
        ObjectNode details = Json.object();
        details.put("error", ErrorNames.TIMEOUT);
        end(ExecutionStatus.TIMED_OUT, "ExecutionTimedOut", 0, details, null, ErrorNames.TIMEOUT, null);
    }

    /**
     * Ends a RUNNING execution as ABORTED (StopExecution). Returns false when it had already ended.
     */
    boolean stop(String error, String cause) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        return end(ExecutionStatus.ABORTED, "ExecutionAborted", 0, details, null, error, cause);
    }

    private void fail(String error, String cause, long previousEventId) {
        ObjectNode details = Json.object();
        if (error != null) {
            details.put("error", error);
        }
        if (cause != null) {
            details.put("cause", cause);
        }
        end(ExecutionStatus.FAILED, "ExecutionFailed", previousEventId, details, null, error, cause);
    }

    /**
     * Appends an event to the strand's chain. Throws {@link CancelledException} when the strand was aborted or the
     * execution has ended; ends the execution (and throws) when this event would be the 25,000th.
     */
    long record(Strand strand, String type, ObjectNode details) {
        synchronized (this) {
            strand.checkActive();
            if (execution.status() != ExecutionStatus.RUNNING) {
                throw new CancelledException("the execution has ended");
            }
            if (history.lastEventId() + 1 == MAX_HISTORY_EVENTS) {
                fail(ErrorNames.RUNTIME, "The execution reached the maximum number of history events ("
                        + MAX_HISTORY_EVENTS + ").", history.lastEventId());
                throw new CancelledException("the history limit was reached");
            }
            long id = history.append(type, strand.lastEventId(), services.clock().instant(), details);
            strand.advanceTo(id);
            return id;
        }
    }

    private boolean end(ExecutionStatus status, String eventType, long previousEventId, ObjectNode details,
                        String output, String error, String cause) {
        synchronized (this) {
            if (execution.status() != ExecutionStatus.RUNNING) {
                return false;
            }
            Instant now = services.clock().instant();
            history.append(eventType, previousEventId, now, details);
            history.close();
            execution = execution.ended(status, now, output, error, cause);
            store.save(stateMachine.name(), execution);
        }
        // Interrupts whatever still runs (a Wait, a retry pause, a branch); it can no longer record anything.
        workers.shutdownNow();
        return true;
    }

    synchronized Execution snapshot() {
        return execution;
    }

    Path historyFile() {
        return historyFile;
    }

    EngineServices services() {
        return services;
    }

    ExecutorService workers() {
        return workers;
    }

    ObjectNode executionContext() {
        return executionContext;
    }

    ObjectNode stateMachineContext() {
        return stateMachineContext;
    }
}
