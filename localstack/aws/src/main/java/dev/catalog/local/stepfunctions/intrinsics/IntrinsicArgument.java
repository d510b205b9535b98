package dev.catalog.local.stepfunctions.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.asl.JsonPathExpression;

/** One argument of an intrinsic call: a literal, a Path into the input or context, or a nested call. */
public sealed interface IntrinsicArgument permits IntrinsicArgument.Literal, IntrinsicArgument.PathArgument, IntrinsicCall {

    /**
     * A literal. For a string literal {@code escapedText} keeps the {@code \{ \}} escapes that only
     * {@code States.Format} interprets; {@code value} has every escape resolved.
     */
    record Literal(JsonNode value, String escapedText) implements IntrinsicArgument {
    }

    record PathArgument(JsonPathExpression path) implements IntrinsicArgument {
    }
}
