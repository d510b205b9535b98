package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.ErrorNames;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StatesFailure;
import dev.catalog.local.stepfunctions.intrinsics.IntrinsicCall;
import dev.catalog.local.stepfunctions.intrinsics.IntrinsicFunctions;

/** A value in a definition: a literal, a Path into the input or the context object, or an intrinsic function call. */
public sealed interface ValueExpression {

    /**
     * @param field the definition field the value belongs to ({@code count.$}, {@code ErrorPath}), for the message of
     *              a path that leads nowhere
     */
    JsonNode evaluate(JsonNode input, JsonNode context, String field);

    record Literal(JsonNode value) implements ValueExpression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context, String field) {
            return value;
        }
    }

    record PathValue(JsonPathExpression path) implements ValueExpression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context, String field) {
            return path.select(input, context).orElseThrow(() -> notFound(path, field, path.overContext() ? context : input));
        }
    }

    record IntrinsicValue(IntrinsicCall call) implements ValueExpression {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context, String field) {
            return IntrinsicFunctions.evaluate(call, path -> path.select(input, context)
                    .orElseThrow(() -> notFound(path, field, path.overContext() ? context : input)));
        }
    }

    /** The failure AWS reports for a Path that selects nothing, with AWS's wording. */
    static StatesFailure notFound(JsonPathExpression path, String field, JsonNode document) {
        return new StatesFailure(ErrorNames.RUNTIME, "The JSONPath '" + path.text() + "' specified for the field '"
                + field + "' could not be found in the input '" + Json.text(document) + "'");
    }
}
