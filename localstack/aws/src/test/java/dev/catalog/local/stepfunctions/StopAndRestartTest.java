package dev.catalog.local.stepfunctions;

import static dev.catalog.local.stepfunctions.Engine.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionStatus;
import dev.catalog.local.stepfunctions.execution.Executions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopAndRestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void stops_a_waiting_execution_as_aborted_with_the_callers_error_and_cause() {
        try (Engine engine = new Engine(dataDirectory)) {
            Execution started = engine.start("long-wait", "{}");
            await().atMost(Duration.ofSeconds(5)).until(() -> types(engine.history(started)).contains("WaitStateEntered"));

            Execution stopped = engine.stepFunctions.stopExecution(started.executionArn(), "Manual", "probe");

            assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(stopped.error()).contains("Manual");
            assertThat(stopped.cause()).contains("probe");
            List<JsonNode> history = engine.history(stopped);
            assertThat(types(history)).containsExactly("ExecutionStarted", "WaitStateEntered", "ExecutionAborted");
            assertThat(history.getLast().get("previousEventId").longValue()).isZero();
            assertThat(history.getLast().at("/executionAbortedEventDetails/cause").textValue()).isEqualTo("probe");
        }
    }

    @Test
    void keeps_executions_and_their_history_across_a_restart() {
        String finishedArn;
        try (Engine engine = new Engine(dataDirectory)) {
            finishedArn = engine.run("fail", "{\"code\": \"E\", \"order\": \"o\", \"country\": \"c\"}").executionArn();
        }

        try (Engine restarted = new Engine(dataDirectory)) {
            Execution finished = restarted.stepFunctions.describeExecution(finishedArn);
            assertThat(finished.status()).isEqualTo(ExecutionStatus.FAILED);
            assertThat(finished.error()).contains("E");
            assertThat(types(restarted.history(finished))).containsExactly("ExecutionStarted", "FailStateEntered",
                    "ExecutionFailed");
            restarted.create("fail");
            assertThat(restarted.stepFunctions.listExecutions(finished.stateMachineArn()))
                    .extracting(Execution::executionArn).containsExactly(finishedArn);
        }
    }

    @Test
    void aborts_an_execution_that_was_running_when_the_runtime_stopped() {
        String runningArn;
        try (Engine engine = new Engine(dataDirectory)) {
            Execution started = engine.start("long-wait", "{}");
            await().atMost(Duration.ofSeconds(5)).until(() -> types(engine.history(started)).contains("WaitStateEntered"));
            runningArn = started.executionArn();
        }

        try (Engine restarted = new Engine(dataDirectory)) {
            Execution aborted = restarted.stepFunctions.describeExecution(runningArn);
            assertThat(aborted.status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(aborted.error()).contains(Executions.RUNTIME_STOPPED);
            assertThat(aborted.cause().orElseThrow()).contains("Executions do not resume after a restart");
            assertThat(types(restarted.history(aborted))).endsWith("WaitStateEntered", "ExecutionAborted");
        }
    }

    @Test
    void refuses_to_reuse_the_name_of_a_finished_execution_but_returns_a_running_one_started_again() {
        try (Engine engine = new Engine(dataDirectory)) {
            StateMachine machine = engine.create("long-wait");
            Execution first = engine.stepFunctions.startExecution(machine.arn(), "nightly", "{\"a\": 1}");

            assertThat(engine.stepFunctions.startExecution(machine.arn(), "nightly", "{ \"a\" : 1 }").executionArn())
                    .isEqualTo(first.executionArn());
            assertThatThrownBy(() -> engine.stepFunctions.startExecution(machine.arn(), "nightly", "{\"a\": 2}"))
                    .isInstanceOfSatisfying(StepFunctionsException.class,
                            e -> assertThat(e.code()).isEqualTo(StepFunctionsException.Code.EXECUTION_ALREADY_EXISTS));
            engine.stepFunctions.stopExecution(first.executionArn(), null, null);
            assertThatThrownBy(() -> engine.stepFunctions.startExecution(machine.arn(), "nightly", "{\"a\": 1}"))
                    .isInstanceOf(StepFunctionsException.class);
        }
    }
}
