package dev.catalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long executions: their history goes to disk as it happens (surefire runs this module with a 256 MiB heap). */
class HistoryTest {

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
    void runs_a_five_thousand_iteration_loop_to_the_end() {
        Execution started = engine.start("counter-loop", "{\"limit\": 5000}");
        Execution execution = engine.awaitEnd(started.executionArn(), Duration.ofSeconds(60));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(Engine.json(execution.output().orElseThrow()).get("count").intValue()).isEqualTo(5000);
        // ExecutionStarted, Start entered/exited, 5000 × (Increment + Again, entered/exited), Done entered/exited, ExecutionSucceeded
        assertThat(engine.history(execution)).hasSize(1 + 2 + 5000 * 4 + 2 + 1);
    }

    @Test
    void fails_an_execution_at_the_twenty_five_thousandth_event_as_aws_does() {
        Execution started = engine.start("counter-loop", "{\"limit\": 100000}");
        Execution execution = engine.awaitEnd(started.executionArn(), Duration.ofSeconds(120));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).contains("States.Runtime");
        assertThat(execution.cause()).contains("The execution reached the maximum number of history events (25000).");
        List<JsonNode> history = engine.history(execution);
        assertThat(history).hasSize(25_000);
        JsonNode last = history.getLast();
        assertThat(last.get("type").textValue()).isEqualTo("ExecutionFailed");
        assertThat(last.get("id").longValue()).isEqualTo(25_000);
        assertThat(last.get("previousEventId").longValue()).isEqualTo(24_999);
    }
}
