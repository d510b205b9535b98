package dev.catalog.local.stepfunctions.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.local.stepfunctions.ErrorNames;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StatesFailure;
import dev.catalog.local.stepfunctions.asl.JsonPathExpression;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Evaluates intrinsic function calls. Bad arguments fail with {@code States.IntrinsicFailure}, naming the call. */
public final class IntrinsicFunctions {

    private IntrinsicFunctions() {
    }

    /**
     * @param paths resolves a Path argument; it throws the engine's failure when the path leads nowhere
     */
    public static JsonNode evaluate(IntrinsicCall call, Function<JsonPathExpression, JsonNode> paths) {
        List<JsonNode> args = new ArrayList<>();
        for (IntrinsicArgument argument : call.arguments()) {
            args.add(switch (argument) {
                case IntrinsicArgument.Literal literal -> literal.value();
                case IntrinsicArgument.PathArgument path -> paths.apply(path.path());
                case IntrinsicCall nested -> evaluate(nested, paths);
            });
        }
        Arguments in = new Arguments(call, args);
        return switch (call.function()) {
            case FORMAT -> TextNode.valueOf(format(call, in));
            case STRING_TO_JSON -> stringToJson(in);
            case JSON_TO_STRING -> TextNode.valueOf(Json.text(in.any(0)));
            case MATH_ADD -> integerNode(in.integer(0) + in.integer(1));
        };
    }

    private static String format(IntrinsicCall call, Arguments in) {
        // A literal template keeps its \{ \} escapes; a template read from a path has none to keep.
        String template = call.arguments().getFirst() instanceof IntrinsicArgument.Literal literal && literal.value().isTextual()
                ? literal.escapedText() : in.string(0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= in.count()) {
                    throw in.failure("the template has more {} placeholders than there are arguments");
                }
                out.append(formatted(in, next++));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != in.count()) {
            throw in.failure("the template has fewer {} placeholders than there are arguments");
        }
        return out.toString();
    }

    private static String formatted(Arguments in, int index) {
        JsonNode value = in.any(index);
        if (value.isContainerNode()) {
            throw in.failure("argument " + index + " is " + (value.isArray() ? "an array" : "an object")
                    + ": only strings, numbers, booleans and null can be formatted");
        }
        return value.isTextual() ? value.textValue() : Json.text(value);
    }

    private static JsonNode stringToJson(Arguments in) {
        try {
            return Json.parse(in.string(0));
        } catch (IllegalArgumentException e) {
            throw in.failure("the string is not JSON: " + e.getMessage());
        }
    }

    static JsonNode integerNode(long value) {
        return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }

    /** The evaluated arguments of one call, with typed access that fails naming the call and the argument. */
    private record Arguments(IntrinsicCall call, List<JsonNode> values) {

        int count() {
            return values.size();
        }

        JsonNode any(int index) {
            return values.get(index);
        }

        String string(int index) {
            JsonNode value = any(index);
            if (!value.isTextual()) {
                throw mistyped(index, "a string", value);
            }
            return value.textValue();
        }


        long integer(int index) {
            JsonNode value = any(index);
            if (!value.isNumber()) {
                throw mistyped(index, "a number", value);
            }
            // AWS rounds a non-integer argument to the nearest integer.
            BigDecimal rounded = value.decimalValue().setScale(0, RoundingMode.HALF_UP);
            try {
                return rounded.longValueExact();
            } catch (ArithmeticException e) {
                throw failure("argument " + index + " is out of range");
            }
        }



        private StatesFailure mistyped(int index, String expected, JsonNode actual) {
            return failure("argument " + index + " must be " + expected + ", but is " + Json.text(actual));
        }

        StatesFailure failure(String problem) {
            return new StatesFailure(ErrorNames.INTRINSIC_FAILURE,
                    "Invalid arguments in " + call.function().aslName() + " (" + call.text() + "): " + problem);
        }
    }
}
