package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.ErrorNames;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StatesFailure;
import java.util.Optional;

/**
 * The JSONPath input and output processing of a state: {@code InputPath} → {@code Parameters} (or
 * {@code ItemSelector}) → work → {@code ResultSelector} → {@code ResultPath} → {@code OutputPath}.
 *
 * <p>An empty {@code inputPath}/{@code outputPath} stands for a field set to {@code null} (which selects {@code {}});
 * an absent field is {@code $}. An empty {@code resultPath} stands for {@code "ResultPath": null} (the result is
 * discarded and the state input passes through).
 */
public record DataFlow(
        Optional<JsonPathExpression> inputPath,
        Optional<PayloadTemplate> parameters,
        Optional<PayloadTemplate> resultSelector,
        Optional<ReferencePath> resultPath,
        Optional<JsonPathExpression> outputPath) {

    public static final DataFlow DEFAULT = new DataFlow(Optional.of(JsonPathExpression.WHOLE_INPUT), Optional.empty(),
            Optional.empty(), Optional.of(ReferencePath.ROOT), Optional.of(JsonPathExpression.WHOLE_INPUT));

    public JsonNode selectInput(JsonNode rawInput, JsonNode context) {
        return select(inputPath, "InputPath", rawInput, context);
    }

    /** The input of the work: {@code Parameters} applied to the selected input, or the selected input itself. */
    public JsonNode effectiveInput(JsonNode selectedInput, JsonNode context) {
        return parameters.map(template -> template.evaluate(selectedInput, context)).orElse(selectedInput);
    }

    /** Applies ResultSelector, ResultPath (into the raw state input) and OutputPath to the result of the work. */
    public JsonNode output(JsonNode rawInput, JsonNode result, JsonNode context) {
        JsonNode selected = resultSelector.map(template -> template.evaluate(result, context)).orElse(result);
        return select(outputPath, "OutputPath", placeResult(rawInput, selected, resultPath), context);
    }

    /** Output processing for states without a result of their own (Choice, Wait, Succeed): only OutputPath. */
    public JsonNode outputOfInput(JsonNode rawInput, JsonNode context) {
        return select(outputPath, "OutputPath", rawInput, context);
    }

    /** Places a result (or a Catch's error output) into the state input, as ResultPath says. */
    public static JsonNode placeResult(JsonNode rawInput, JsonNode result, Optional<ReferencePath> resultPath) {
        if (resultPath.isEmpty()) {
            return rawInput;
        }
        try {
            return resultPath.get().write(rawInput, result);
        } catch (ReferencePath.MismatchException e) {
            throw new StatesFailure(ErrorNames.RESULT_PATH_MATCH_FAILURE, e.getMessage() + " '" + Json.text(rawInput) + "'");
        }
    }

    private static JsonNode select(Optional<JsonPathExpression> path, String field, JsonNode document, JsonNode context) {
        if (path.isEmpty()) {
            return Json.object();
        }
        return path.get().select(document, context).orElseThrow(() -> new StatesFailure(ErrorNames.RUNTIME,
                "Invalid path '" + path.get().text() + "' : No results for path: " + path.get().text()
                        + " (" + field + ") in the input '" + Json.text(document) + "'"));
    }
}
