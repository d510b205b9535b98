package dev.catalog.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.domain.shared.Change;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the properties of a JSON request body, checking presence and type, and collecting every problem with
 * its dotted path ({@code price.amount}) instead of stopping at the first. Accessors answer null for a value
 * that is absent or wrong; call {@link #throwIfInvalid()} before using what they answered.
 */
public final class JsonBody {

    private final ObjectNode node;
    private final String path;
    private final List<FieldError> errors;

    private JsonBody(ObjectNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    static JsonBody of(JsonNode root) {
        if (!(root instanceof ObjectNode object)) {
            throw ProblemException.invalidRequest("body", "the body must be a JSON object");
        }
        return new JsonBody(object, "", new ArrayList<>());
    }

    /** Reports every property not in {@code allowed}: a typo must not be silently ignored. */
    public JsonBody allowOnly(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                error(name, "is not a known property");
            }
        }
        return this;
    }

    public String requiredText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return missing(name);
        }
        return value.isTextual() ? value.textValue() : wrongType(name, "a string");
    }

    /** A string, or null when absent or null. */
    public String optionalText(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? value.textValue() : wrongType(name, "a string");
    }

    /** For partial updates: absent keeps the property, null clears it, a string sets it. */
    public Change<String> textChange(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Change.keep();
        }
        if (value.isNull()) {
            return Change.clear();
        }
        if (!value.isTextual()) {
            wrongType(name, "a string or null");
            return Change.keep();
        }
        return Change.setTo(value.textValue());
    }

    public UUID optionalUuid(String name) {
        String text = optionalText(name);
        return text == null ? null : uuid(name, text);
    }

    public Change<UUID> uuidChange(String name) {
        return switch (textChange(name)) {
            case Change.SetTo<String> set -> {
                UUID id = uuid(name, set.value());
                yield id == null ? Change.keep() : Change.setTo(id);
            }
            case Change.Clear<String> clear -> Change.clear();
            case Change.Keep<String> keep -> Change.keep();
        };
    }

    /** A decimal given as a JSON number or a string ("19.99"); exact, never through a double. */
    public BigDecimal requiredDecimal(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return missing(name);
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (text.length() <= 40) {
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException notADecimal) {
                    // reported below
                }
            }
        }
        return wrongType(name, "a decimal number, as a JSON number or a string such as \"19.99\"");
    }

    /** A whole number (a JSON integer; 2.0 and "2" are refused). */
    public Long requiredInteger(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return missing(name);
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        return wrongType(name, "a whole number");
    }

    public JsonBody requiredObject(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            missing(name);
            return detached(name);
        }
        if (!(value instanceof ObjectNode object)) {
            wrongType(name, "an object");
            return detached(name);
        }
        return new JsonBody(object, qualified(name) + ".", errors);
    }

    /** A map of strings to strings, or null when absent or null. */
    public Map<String, String> optionalStringMap(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            return wrongType(name, "an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().isTextual()) {
                error(name + "." + field.getKey(), "must be a string");
            } else {
                map.put(field.getKey(), field.getValue().textValue());
            }
        }
        return map;
    }

    public Change<Map<String, String>> stringMapChange(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            return Change.keep();
        }
        if (value.isNull()) {
            return Change.clear();
        }
        Map<String, String> map = optionalStringMap(name);
        return map == null ? Change.keep() : Change.setTo(map);
    }

    public boolean has(String name) {
        return node.has(name);
    }

    public boolean isEmpty() {
        return node.isEmpty();
    }

    /** Throws a 400 {@code invalid_request} listing every problem found so far, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidRequest(errors);
        }
    }

    private UUID uuid(String name, String text) {
        if (!Uuids.isCanonical(text)) {
            error(name, "must be a UUID such as 3f2c1a4e-8b7d-4c6e-9a1b-2d3e4f5a6b7c");
            return null;
        }
        return UUID.fromString(text);
    }

    private JsonBody detached(String name) {
        return new JsonBody(node.objectNode(), qualified(name) + ".", new ArrayList<>());
    }

    private <T> T missing(String name) {
        error(name, "is required");
        return null;
    }

    private <T> T wrongType(String name, String expected) {
        error(name, "must be " + expected);
        return null;
    }

    private void error(String name, String message) {
        errors.add(FieldError.invalid(qualified(name), message));
    }

    private String qualified(String name) {
        return path + name;
    }
}
