package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.stepfunctions.Json;
import java.util.List;

/**
 * A Payload Template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}): JSON whose fields named
 * {@code key.$} take their value from a Path or an intrinsic call, at any depth, and become {@code key}.
 */
public record PayloadTemplate(Node root) {

    public sealed interface Node {
        JsonNode evaluate(JsonNode input, JsonNode context);
    }

    public record ObjectNodeTemplate(List<Field> fields) implements Node {
        public ObjectNodeTemplate {
            fields = List.copyOf(fields);
        }

        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            ObjectNode object = Json.object();
            for (Field field : fields) {
                object.set(field.name(), field.value().evaluate(input, context));
            }
            return object;
        }
    }

    public record ArrayNodeTemplate(List<Node> items) implements Node {
        public ArrayNodeTemplate {
            items = List.copyOf(items);
        }

        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            ArrayNode array = Json.MAPPER.createArrayNode();
            items.forEach(item -> array.add(item.evaluate(input, context)));
            return array;
        }
    }

    /** A leaf: a literal, or a {@code key.$} value (then {@code definitionKey} keeps the {@code .$} for messages). */
    public record ValueNodeTemplate(ValueExpression value, String definitionKey) implements Node {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            return value.evaluate(input, context, definitionKey);
        }
    }

    /** One output field: {@code name} is the key written to the result ({@code .$} removed). */
    public record Field(String name, Node value) {
    }

    public JsonNode evaluate(JsonNode input, JsonNode context) {
        return root.evaluate(input, context);
    }
}
