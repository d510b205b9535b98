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
            {"name": "Ada", "count": 3, "items": [1, 2, 2, 3, 1], "text": "a,b;c", "json": "{\\"k\\": [1]}",
             "left": {"a": 1, "b": 1}, "right": {"b": 2}}""");

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
            States.Array('a', 1, true, null, $.count)                         | ["a", 1, true, null, 3]
            States.ArrayPartition($.items, 2)                                 | [[1, 2], [2, 3], [1]]
            States.ArrayContains($.items, 3)                                  | true
            States.ArrayRange(1, 9, 2)                                        | [1, 3, 5, 7, 9]
            States.ArrayGetItem($.items, 3)                                   | 3
            States.ArrayLength($.items)                                       | 5
            States.ArrayUnique($.items)                                       | [1, 2, 3]
            States.Base64Encode('Data to encode')                             | "RGF0YSB0byBlbmNvZGU="
            States.Base64Decode('RGF0YSB0byBlbmNvZGU=')                        | "Data to encode"
            States.Hash('input data', 'SHA-1')                                | "aaff4a450a104cd177d28d18d74485e8cae074b7"
            States.JsonMerge($.left, $.right, false)                          | {"a": 1, "b": 2}
            States.MathAdd($.count, -5)                                       | -2
            States.MathAdd(States.ArrayLength($.items), 1)                    | 6
            States.StringSplit($.text, ',;')                                  | ["a", "b", "c"]
            """)
    void evaluates_intrinsic_functions_as_documented(String call, String expected) {
        assertThat(evaluate(call)).isEqualTo(json(expected));
    }

    @Test
    void keeps_escaped_braces_and_quotes_literal_in_a_format_template() {
        assertThat(evaluate("States.Format('\\{{}\\} it\\'s', $.name)").textValue()).isEqualTo("{Ada} it's");
    }

    @Test
    void draws_random_numbers_in_range_and_uuids_in_v4_format() {
        int random = evaluate("States.MathRandom(1, 3)").intValue();
        assertThat(random).isBetween(1, 2);
        assertThat(evaluate("States.MathRandom(1, 1000, 7)")).isEqualTo(evaluate("States.MathRandom(1, 1000, 7)"));
        assertThat(evaluate("States.UUID()").textValue()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void fails_with_intrinsic_failure_naming_the_call_on_bad_arguments() {
        assertThatThrownBy(() -> evaluate("States.ArrayGetItem($.items, 9)"))
                .isInstanceOfSatisfying(StatesFailure.class, e -> {
                    assertThat(e.error()).isEqualTo("States.IntrinsicFailure");
                    assertThat(e.cause()).contains("States.ArrayGetItem($.items, 9)").contains("index 9 is outside the array");
                });
        assertThatThrownBy(() -> evaluate("States.Format('{} and {}', $.name)")).isInstanceOf(StatesFailure.class);
        assertThatThrownBy(() -> evaluate("States.StringToJson($.name)")).hasMessageContaining("not JSON");
    }

    @Test
    void rejects_malformed_calls_when_the_definition_loads() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Format('unterminated")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.ArrayLength($.a, $.b)"))
                .hasMessageContaining("States.ArrayLength does not take 2 argument(s)");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.UUID() trailing")).hasMessageContaining("unexpected text");
    }
}
