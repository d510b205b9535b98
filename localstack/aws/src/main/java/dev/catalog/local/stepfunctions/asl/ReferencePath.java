package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ASL Reference Path: a JSONPath that names exactly one node, using only {@code .field}, {@code ['field']} and
 * {@code [index]} steps. {@code ResultPath} writes through one, creating missing objects on the way, which Jayway
 * cannot do; that is why this small parser exists beside it.
 */
public record ReferencePath(String text, List<Step> steps) {

    public static final ReferencePath ROOT = new ReferencePath("$", List.of());

    public sealed interface Step {
        record Field(String name) implements Step {
        }

        record Index(int index) implements Step {
        }
    }

    /** Thrown when a write meets a node of the wrong kind on the way, e.g. a string where an object is needed. */
    public static final class MismatchException extends Exception {
        MismatchException(String message) {
            super(message);
        }
    }

    public ReferencePath {
        steps = List.copyOf(steps);
    }

    public static ReferencePath parse(String text) {
        if (text == null || !text.startsWith("$") || text.startsWith("$$")) {
            throw new IllegalArgumentException("'" + text + "' is not a Reference Path: it must start with '$'");
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.contains("*") || name.contains("@")) {
                    throw invalid(text);
                }
                steps.add(new Step.Field(name));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw invalid(text);
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.length() >= 2 && inside.startsWith("'") && inside.endsWith("'")) {
                    steps.add(new Step.Field(inside.substring(1, inside.length() - 1)));
                } else if (inside.matches("\\d+")) {
                    steps.add(new Step.Index(Integer.parseInt(inside)));
                } else {
                    throw invalid(text);
                }
                i = close + 1;
            } else {
                throw invalid(text);
            }
        }
        return new ReferencePath(text, steps);
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not a Reference Path: only '.field', \"['field']\" and "
                + "'[index]' steps are allowed, no wildcards, filters or slices");
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    public Optional<JsonNode> read(JsonNode document) {
        JsonNode node = document;
        for (Step step : steps) {
            node = switch (step) {
                case Step.Field field -> node.isObject() ? node.get(field.name()) : null;
                case Step.Index index -> node.isArray() ? node.get(index.index()) : null;
            };
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    /**
     * Returns a copy of {@code document} with {@code value} placed at this path ({@code $} replaces the whole document).
     */
    public JsonNode write(JsonNode document, JsonNode value) throws MismatchException {
        if (isRoot()) {
            return value;
        }
        JsonNode copy = document.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            parent = descendCreating(parent, steps.get(i));
        }
        switch (steps.getLast()) {
            case Step.Field field -> asObject(parent, field).set(field.name(), value);
            case Step.Index index -> asArrayWithIndex(parent, index).set(index.index(), value);
        }
        return copy;
    }

    private JsonNode descendCreating(JsonNode parent, Step step) throws MismatchException {
        return switch (step) {
            case Step.Field field -> {
                ObjectNode object = asObject(parent, field);
                JsonNode child = object.get(field.name());
                yield child == null || child.isNull() ? object.putObject(field.name()) : child;
            }
            case Step.Index index -> asArrayWithIndex(parent, index).get(index.index());
        };
    }

    private ObjectNode asObject(JsonNode node, Step.Field field) throws MismatchException {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new MismatchException("Unable to apply ResultPath '" + text + "': field '" + field.name()
                + "' cannot be set on a " + node.getNodeType().name().toLowerCase() + " value");
    }

    private ArrayNode asArrayWithIndex(JsonNode node, Step.Index index) throws MismatchException {
        if (node instanceof ArrayNode array && index.index() < array.size()) {
            return array;
        }
        throw new MismatchException("Unable to apply ResultPath '" + text + "': index " + index.index()
                + " does not exist in the input");
    }

    @Override
    public String toString() {
        return text;
    }
}
