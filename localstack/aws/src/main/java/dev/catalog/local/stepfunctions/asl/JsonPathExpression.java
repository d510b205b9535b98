package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.catalog.local.stepfunctions.Json;
import java.util.Optional;

/**
 * An ASL Path: a JSONPath over the state's input ({@code $...}) or over the context object ({@code $$...}).
 * Evaluated with Jayway JsonPath on Jackson trees.
 */
public record JsonPathExpression(String text, JsonPath compiled, boolean overContext) {

    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .build();

    public static final JsonPathExpression WHOLE_INPUT = compile("$");

    /** Compiles a Path; throws {@link IllegalArgumentException} when the text is not one. */
    public static JsonPathExpression compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("'" + text + "' is not a JSONPath: a Path starts with '$'");
        }
        boolean overContext = text.startsWith("$$");
        String path = overContext ? text.substring(1) : text;
        try {
            return new JsonPathExpression(text, JsonPath.compile(path), overContext);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid JSONPath: " + e.getMessage(), e);
        }
    }

    /**
     * Selects from the input, or from the context object for {@code $$} paths. Empty when a definite path leads
     * nowhere; a path with wildcards or filters yields an array, possibly empty, as in AWS.
     */
    public Optional<JsonNode> select(JsonNode input, JsonNode context) {
        JsonNode document = overContext ? context : input;
        try {
            Object found = JsonPath.using(JACKSON).parse(document).read(compiled);
            return Optional.of(found == null ? NullNode.getInstance() : Json.MAPPER.valueToTree(found));
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
