package dev.catalog.local.stepfunctions;

import static dev.catalog.local.stepfunctions.Engine.json;
import static dev.catalog.local.stepfunctions.Engine.types;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapAndParallelTest {

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
    void maps_every_item_through_the_item_selector_in_order_at_most_max_concurrency_at_a_time() {
        Execution execution = engine.run("map", "{\"label\": \"L\", \"values\": [1, 2, 3, 4, 5, 6]}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode doubled = json(execution.output().orElseThrow()).get("doubled");
        assertThat(doubled).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(doubled.get(i)).isEqualTo(json("{\"value\": " + (i + 1) + ", \"position\": " + i
                    + ", \"label\": \"L\", \"result\": {\"doubled\": " + 2 * (i + 1) + "}}"));
        }
        assertThat(engine.functions.mostRunningAtOnce()).isEqualTo(2);
        List<String> types = types(engine.history(execution));
        assertThat(types.stream().filter("MapIterationStarted"::equals)).hasSize(6);
        assertThat(types.stream().filter("MapIterationSucceeded"::equals)).hasSize(6);
        assertThat(types).startsWith("ExecutionStarted", "MapStateEntered", "MapStateStarted")
                .endsWith("MapStateSucceeded", "MapStateExited", "ExecutionSucceeded");
    }

    @Test
    void chains_the_events_of_each_iteration_from_its_map_iteration_started_event() {
        Execution execution = engine.run("map", "{\"label\": \"L\", \"values\": [1, 2]}");

        List<JsonNode> history = engine.history(execution);
        for (JsonNode started : history.stream().filter(e -> e.get("type").textValue().equals("MapIterationStarted")).toList()) {
            JsonNode firstState = history.stream()
                    .filter(e -> e.get("previousEventId").longValue() == started.get("id").longValue()).findFirst().orElseThrow();
            assertThat(firstState.get("type").textValue()).isEqualTo("TaskStateEntered");
            assertThat(started.at("/mapIterationStartedEventDetails/name").textValue()).isEqualTo("DoubleAll");
        }
    }

    @Test
    void collects_branch_results_in_branch_order_and_catches_a_failing_branch() {
        Execution execution = engine.run("parallel", "{\"a\": 2, \"b\": 3}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = json(execution.output().orElseThrow());
        assertThat(output.get("both")).isEqualTo(json("{\"left\": \"left\", \"sum\": 5}"));
        assertThat(output.at("/caught/Error").textValue()).isEqualTo("Branch.Broken");
        assertThat(output.at("/caught/Cause").textValue()).isEqualTo("on purpose");
        assertThat(types(engine.history(execution))).contains("ParallelStateStarted", "ParallelStateSucceeded",
                "ParallelStateFailed", "FailStateEntered").doesNotContain("WaitStateExited");
    }

    @Test
    void fails_a_map_whose_items_path_is_not_an_array_with_states_runtime() {
        Execution execution = engine.run("map", "{\"label\": \"L\", \"values\": 7}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).contains(ErrorNames.RUNTIME);
        assertThat(execution.cause().orElseThrow()).contains("must be an array");
    }
}
