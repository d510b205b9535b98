package dev.catalog.local.stepfunctions;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionStatus;
import dev.catalog.local.stepfunctions.execution.Sleeper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A Step Functions service over a temporary directory, with helpers to run the test machines under resources. */
final class Engine implements AutoCloseable {

    static final String ROLE = "arn:aws:iam::000000000000:role/catalog-rebuild";

    final TestFunctions functions = new TestFunctions();
    final StepFunctions stepFunctions;

    Engine(Path dataDirectory) {
        this(dataDirectory, Sleeper.REAL);
    }

    Engine(Path dataDirectory, Sleeper sleeper) {
        this.stepFunctions = new StepFunctions(
                StepFunctions.Settings.of("us-east-1", "000000000000", dataDirectory, functions).withSleeper(sleeper));
    }

    /** The text of {@code src/test/resources/statemachines/<name>.asl.json}. */
    static String definition(String name) {
        try (InputStream in = Engine.class.getResourceAsStream("/statemachines/" + name + ".asl.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no test state machine " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    StateMachine create(String name) {
        return stepFunctions.createStateMachine(name, definition(name), ROLE);
    }

    /** Runs a test machine to its end and returns the finished execution. */
    Execution run(String machine, String input) {
        Execution started = start(machine, input);
        return awaitEnd(started.executionArn(), Duration.ofSeconds(30));
    }

    Execution start(String machine, String input) {
        StateMachine stateMachine = stepFunctions.listStateMachines().stream()
                .filter(candidate -> candidate.name().equals(machine)).findFirst()
                .orElseGet(() -> create(machine));
        return stepFunctions.startExecution(stateMachine.arn(), null, input);
    }

    Execution awaitEnd(String executionArn, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(20))
                .until(() -> stepFunctions.describeExecution(executionArn).status() != ExecutionStatus.RUNNING);
        return stepFunctions.describeExecution(executionArn);
    }

    List<JsonNode> history(Execution execution) {
        return stepFunctions.executionHistory(execution.executionArn());
    }

    static List<String> types(List<JsonNode> history) {
        return history.stream().map(event -> event.get("type").textValue()).toList();
    }

    static JsonNode json(String text) {
        return Json.parse(text);
    }

    @Override
    public void close() {
        stepFunctions.close();
    }
}
