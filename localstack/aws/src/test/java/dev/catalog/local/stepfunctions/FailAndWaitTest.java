package dev.catalog.local.stepfunctions;

import static dev.catalog.local.stepfunctions.Engine.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailAndWaitTest {

    @TempDir
    Path dataDirectory;

    private Engine engine;

    @BeforeEach
    void start() {
        engine = new Engine(dataDirectory);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void fails_the_execution_with_the_error_and_cause_a_fail_state_computes() {
        Execution execution = engine.run("fail", "{\"code\": \"Shipping.Refused\", \"order\": \"o-1\", \"country\": \"AQ\"}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).contains("Shipping.Refused");
        assertThat(execution.cause()).contains("order o-1 cannot ship to AQ");
        assertThat(types(engine.history(execution))).containsExactly("ExecutionStarted", "FailStateEntered",
                "ExecutionFailed");
    }

    @Test
    void waits_the_seconds_the_input_asks_for() {
        Execution started = engine.start("wait", "{\"seconds\": 1}");
        Execution execution = engine.awaitEnd(started.executionArn(), Duration.ofSeconds(10));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Duration.between(execution.startDate(), execution.stopDate().orElseThrow()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void times_out_an_execution_that_outlives_the_machine_timeout() {
        Execution execution = engine.run("execution-timeout", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(execution.error()).contains("States.Timeout");
        assertThat(engine.history(execution).getLast().get("type").textValue()).isEqualTo("ExecutionTimedOut");
    }
}
