package dev.catalog.local.stepfunctions;

import static dev.catalog.local.stepfunctions.Engine.json;
import static dev.catalog.local.stepfunctions.Engine.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetryAndCatchTest {

    @TempDir
    Path dataDirectory;

    /** Retry pauses are recorded instead of slept, so backoff is checked exactly and fast. */
    private final List<Duration> pauses = new CopyOnWriteArrayList<>();
    private Engine engine;

    @BeforeEach
    void start() {
        engine = new Engine(dataDirectory, pauses::add);
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void retries_with_exponential_backoff_capped_by_max_delay_until_the_task_succeeds() {
        Execution execution = engine.run("retry-backoff", "{\"failures\": 3}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(execution.output().orElseThrow()))
                .isEqualTo(json("{\"answer\": \"ok after 4 calls\", \"retries\": 3}"));
        assertThat(pauses).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(types(engine.history(execution)).stream().filter("TaskFailed"::equals)).hasSize(3);
    }

    @Test
    void hands_over_to_catch_with_the_error_output_once_retries_are_spent() {
        Execution execution = engine.run("retry-backoff", "{\"failures\": 10}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode failure = json(execution.output().orElseThrow()).get("failure");
        assertThat(failure.get("Error").textValue()).isEqualTo("java.lang.IllegalStateException");
        JsonNode cause = json(failure.get("Cause").textValue());
        assertThat(cause.get("errorType").textValue()).isEqualTo("java.lang.IllegalStateException");
        assertThat(cause.get("errorMessage").textValue()).isEqualTo("transient failure 4");
        assertThat(pauses).hasSize(3);
    }

    @Test
    void draws_full_jitter_delays_between_zero_and_the_backoff_delay() {
        Execution execution = engine.run("jittered-retry", "{\"failures\": 4}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(pauses).hasSize(4);
        double[] ceilings = {2, 6, 18, 54};
        for (int i = 0; i < pauses.size(); i++) {
            assertThat(pauses.get(i).toMillis()).isBetween(0L, (long) (ceilings[i] * 1000));
        }
        assertThat(pauses).doesNotContainSequence(Duration.ofSeconds(2), Duration.ofSeconds(6));
    }

    @Test
    void names_a_java_handler_exception_by_its_fully_qualified_class_name() {
        Execution execution = engine.run("catch-function-error", "{\"orderId\": \"o-9\"}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode rejection = json(execution.output().orElseThrow()).get("rejection");
        assertThat(rejection.get("Error").textValue())
                .isEqualTo("dev.catalog.local.stepfunctions.TestFunctions$OrderRejected");
        assertThat(json(rejection.get("Cause").textValue()).get("errorMessage").textValue())
                .isEqualTo("order o-9 is rejected");
        JsonNode failed = engine.history(execution).stream()
                .filter(event -> event.get("type").textValue().equals("LambdaFunctionFailed")).findFirst().orElseThrow();
        assertThat(failed.at("/lambdaFunctionFailedEventDetails/error").textValue())
                .isEqualTo(rejection.get("Error").textValue());
    }

    @Test
    void reports_a_missing_function_as_lambda_resource_not_found() {
        Execution execution = engine.run("unknown-function", "{}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).contains("Lambda.ResourceNotFoundException");
        assertThat(execution.cause().orElseThrow()).startsWith("Function not found: arn:aws:lambda:us-east-1:000000000000:function:missing")
                .contains("Status Code: 404");
    }

    @Test
    void times_out_a_slow_task_with_states_timeout_which_task_failed_does_not_catch() {
        Engine realTime = new Engine(dataDirectory.resolve("real-time"));
        try {
            Execution execution = realTime.run("task-timeout", "{}");

            assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(json(execution.output().orElseThrow()).at("/timeout/Error").textValue()).isEqualTo("States.Timeout");
            assertThat(types(realTime.history(execution))).contains("TaskTimedOut").doesNotContain("FailStateEntered");
        } finally {
            realTime.close();
        }
    }
}
