package dev.catalog.local.stepfunctions;

import static dev.catalog.local.stepfunctions.Engine.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceTest {

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

    /** Every rule's variable is present: a missing one is a States.Runtime error, as in AWS (see below). */
    private static final String BASE = """
            {"kind": "toy", "price": 10, "budget": 20, "sku": "X-1", "released": "2024-01-01T00:00:00Z", "discount": 1}""";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {"kind": "book"}                                 | affordable
            {"kind": "book", "price": 30}                    | other
            {"kind": "book", "price": "10"}                  | other
            {"sku": "BK-42-*"}                               | catalogued
            {"sku": "BK-42-x"}                               | other
            {"released": "2019-06-01T12:00:00+02:00"}        | catalogued
            {"released": "not a timestamp"}                  | other
            {"discount": null}                               | odd discount
            {"discount": "ten"}                              | odd discount
            """)
    void follows_the_first_rule_that_matches(String changes, String expected) {
        ObjectNode input = (ObjectNode) json(BASE);
        input.setAll((ObjectNode) json(changes));

        Execution execution = engine.run("choice", Json.text(input));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(execution.output().orElseThrow()).textValue()).isEqualTo(expected);
    }

    @Test
    void takes_the_not_is_present_rule_for_an_input_without_the_variable() {
        ObjectNode input = (ObjectNode) json(BASE);
        input.remove("discount");

        assertThat(json(engine.run("choice", Json.text(input)).output().orElseThrow()).textValue()).isEqualTo("full price");
    }

    @Test
    void fails_with_no_choice_matched_when_no_rule_matches_and_there_is_no_default() {
        Execution execution = engine.run("choice-without-default", "{\"kind\": \"toy\"}");

        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).contains("States.NoChoiceMatched");
    }

    @Test
    void fails_with_states_runtime_when_a_compared_variable_is_missing() {
        Execution execution = engine.run("choice-without-default", "{}");

        assertThat(execution.error()).contains(ErrorNames.RUNTIME);
        assertThat(execution.cause().orElseThrow()).contains("Invalid path '$.kind'");
    }
}
