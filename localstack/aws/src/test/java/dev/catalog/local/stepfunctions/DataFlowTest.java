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

class DataFlowTest {

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
    void applies_input_path_parameters_result_selector_result_path_and_output_path_in_order() {
        Execution execution = engine.run("data-flow", """
                {"order": {"id": "o-1", "quantity": 5}, "other": "x"}""");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = json(execution.output().orElseThrow());
        assertThat(output.get("summary").textValue()).isEqualTo("order o-1 totals 15");
        assertThat(output.get("execution").textValue()).isEqualTo(execution.name());
        assertThat(output.get("state").textValue()).isEqualTo("Describe");
        assertThat(output.get("machine").textValue()).isEqualTo("data-flow");
        assertThat(output.get("tags")).isEqualTo(json("[{\"source\": \"o-1\"}, \"literal\"]"));
    }

    @Test
    void wraps_a_lambda_invoke_result_in_the_invoke_response_metadata() {
        Execution execution = engine.run("data-flow", """
                {"order": {"id": "o-2", "quantity": 1}}""");

        JsonNode taskSucceeded = engine.history(execution).stream()
                .filter(event -> event.get("type").textValue().equals("TaskSucceeded")).findFirst().orElseThrow();
        JsonNode details = taskSucceeded.get("taskSucceededEventDetails");
        assertThat(details.get("resourceType").textValue()).isEqualTo("lambda");
        assertThat(details.get("resource").textValue()).isEqualTo("invoke");
        JsonNode response = json(details.get("output").textValue());
        assertThat(response.get("Payload").intValue()).isEqualTo(11);
        assertThat(response.get("ExecutedVersion").textValue()).isEqualTo("$LATEST");
        assertThat(response.get("StatusCode").intValue()).isEqualTo(200);
        assertThat(response.at("/SdkHttpMetadata/HttpStatusCode").intValue()).isEqualTo(200);
        assertThat(response.at("/SdkHttpMetadata/HttpHeaders/x-amzn-RequestId").textValue())
                .isEqualTo(response.at("/SdkResponseMetadata/RequestId").textValue());
    }

    @Test
    void records_the_history_events_aws_records_for_a_lambda_invoke_task() {
        Execution execution = engine.run("data-flow", """
                {"order": {"id": "o-3", "quantity": 2}}""");

        List<JsonNode> history = engine.history(execution);
        assertThat(types(history)).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled",
                "TaskStarted", "TaskSucceeded", "TaskStateExited", "PassStateEntered", "PassStateExited",
                "PassStateEntered", "PassStateExited", "ExecutionSucceeded");
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).get("id").longValue()).isEqualTo(i + 1);
            assertThat(history.get(i).get("timestamp").isNumber()).isTrue();
        }
        assertThat(history.get(1).get("previousEventId").longValue()).isZero();
        assertThat(history.get(2).get("previousEventId").longValue()).isEqualTo(2);
        assertThat(history.get(1).at("/stateEnteredEventDetails/name").textValue()).isEqualTo("Add");
        assertThat(json(history.get(2).at("/taskScheduledEventDetails/parameters").textValue()))
                .isEqualTo(json("{\"FunctionName\": \"arn:aws:lambda:us-east-1:000000000000:function:add\","
                        + " \"Payload\": {\"a\": 2, \"b\": 10}}"));
        assertThat(history.getLast().at("/executionSucceededEventDetails/output").textValue())
                .isEqualTo(execution.output().orElseThrow());
    }

    @Test
    void passes_the_payload_of_a_lambda_function_resource_as_the_result() {
        Execution execution = engine.run("lambda-function-resource", """
                {"message": "hello"}""");

        assertThat(json(execution.output().orElseThrow()))
                .isEqualTo(json("{\"message\": \"hello\", \"echoed\": {\"said\": \"hello\"}}"));
        assertThat(types(engine.history(execution))).containsExactly("ExecutionStarted", "TaskStateEntered",
                "LambdaFunctionScheduled", "LambdaFunctionStarted", "LambdaFunctionSucceeded", "TaskStateExited",
                "ExecutionSucceeded");
    }

    @Test
    void fails_with_states_runtime_naming_the_state_when_a_parameter_path_selects_nothing() {
        Execution execution = engine.run("data-flow", """
                {"order": {"id": "o-4"}}""");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).contains(ErrorNames.RUNTIME);
        assertThat(execution.cause().orElseThrow()).isEqualTo("An error occurred while executing the state 'Add' "
                + "(entered at the event id #2). The JSONPath '$.quantity' specified for the field 'a.$' could not be "
                + "found in the input '{\"id\":\"o-4\"}'");
        assertThat(engine.history(execution).getLast().get("previousEventId").longValue()).isZero();
    }

    @Test
    void substitutes_definition_placeholders_before_parsing() throws Exception {
        Path definition = dataDirectory.resolve("rebuild.asl.json");
        java.nio.file.Files.writeString(definition, Engine.definition("rebuild-loop"));
        StateMachine machine = engine.stepFunctions.register(new StateMachineSource("catalog-rebuild", definition,
                java.util.Map.of("RebuildFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:echo:live"),
                Engine.ROLE));

        Execution started = engine.stepFunctions.startExecution(machine.arn(), "first", """
                {"projection": "search", "fromSeq": 0}""");
        Execution execution = engine.awaitEnd(started.executionArn(), java.time.Duration.ofSeconds(10));

        assertThat(machine.definition().json()).contains("function:echo:live").doesNotContain("${");
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(execution.output().orElseThrow()).get("fromSeq").intValue()).isEqualTo(1500);
    }
}
