package dev.catalog.local.stepfunctions;

import static dev.catalog.local.stepfunctions.Engine.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.asl.JsonPathExpression;
import dev.catalog.local.stepfunctions.intrinsics.IntrinsicFunctions;
import dev.catalog.local.stepfunctions.intrinsics.IntrinsicParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicFunctionsTest {

    private static final JsonNode INPUT = json("""
            {"name": "Ada", "count": 3, "json": "{\\"k\\": [1]}", "left": {"a": 1, "b": 1}}""");

    private static JsonNode evaluate(String call) {
        return IntrinsicFunctions.evaluate(IntrinsicParser.parse(call), path -> select(path));
    }

    private static JsonNode select(JsonPathExpression path) {
        return path.select(INPUT, json("{}")).orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            States.Format('Hello {}, you have {} items', $.name, $.count)     | "Hello Ada, you have 3 items"
            States.StringToJson($.json)                                       | {"k": [1]}
            States.JsonToString($.left)                                       | "{\\"a\\":1,\\"b\\":1}"
            States.MathAdd($.count, -5)                                       | -2
            States.MathAdd(States.MathAdd($.count, 2), 1)                     | 6
            States.Format('{} items', States.MathAdd($.count, 1))             | "4 items"
            """)
    void evaluates_intrinsic_functions_as_documented(String call, String expected) {
        assertThat(evaluate(call)).isEqualTo(json(expected));
    }

    @Test
    void keeps_escaped_braces_and_quotes_literal_in_a_format_template() {
        assertThat(evaluate("States.Format('\\{{}\\} it\\'s', $.name)").textValue()).isEqualTo("{Ada} it's");
    }

    @Test
    void fails_with_intrinsic_failure_naming_the_call_on_bad_arguments() {
        assertThatThrownBy(() -> evaluate("States.MathAdd($.name, 1)"))
                .isInstanceOfSatisfying(StatesFailure.class, e -> {
                    assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
                    assertThat(e.cause()).contains("States.MathAdd($.name, 1)").contains("argument 0 must be a number");
                });
        assertThatThrownBy(() -> evaluate("States.Format('{} and {}', $.name)")).isInstanceOf(StatesFailure.class);
        assertThatThrownBy(() -> evaluate("States.StringToJson($.name)")).hasMessageContaining("not JSON");
    }

    @Test
    void rejects_malformed_calls_when_the_definition_loads() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('unterminated")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.JsonToString($.a, $.b)"))
                .hasMessageContaining("States.JsonToString does not take 2 argument(s)");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd(1, 2) trailing")).hasMessageContaining("unexpected text");
    }

    @Test
    void refuses_by_name_the_intrinsics_no_state_machine_of_the_project_uses() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Hash('input data', 'SHA-1')"))
                .hasMessageContaining("'States.Hash' is not an intrinsic function the local engine runs (it runs States.Format, "
                        + "States.StringToJson, States.JsonToString, States.MathAdd");
    }
}
