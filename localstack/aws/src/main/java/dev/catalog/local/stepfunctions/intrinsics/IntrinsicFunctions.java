package dev.catalog.local.stepfunctions.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.local.stepfunctions.ErrorNames;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StatesFailure;
import dev.catalog.local.stepfunctions.asl.JsonPathExpression;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringTokenizer;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/** Evaluates intrinsic function calls. Bad arguments fail with {@code States.IntrinsicFailure}, naming the call. */
public final class IntrinsicFunctions {

    private static final int MAX_STRING_LENGTH = 10_000;
    private static final int MAX_RANGE_ITEMS = 1_000;
    private static final Map<String, String> HASH_ALGORITHMS = Map.of(
            "MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

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
            case ARRAY -> Json.MAPPER.createArrayNode().addAll(args);
            case ARRAY_PARTITION -> partition(in);
            case ARRAY_CONTAINS -> BooleanNode.valueOf(contains(in.array(0), in.any(1)));
            case ARRAY_RANGE -> range(in);
            case ARRAY_GET_ITEM -> getItem(in);
            case ARRAY_LENGTH -> IntNode.valueOf(in.array(0).size());
            case ARRAY_UNIQUE -> unique(in.array(0));
            case BASE64_ENCODE -> TextNode.valueOf(Base64.getEncoder().encodeToString(
                    in.boundedString(0).getBytes(StandardCharsets.UTF_8)));
            case BASE64_DECODE -> base64Decode(in);
            case HASH -> TextNode.valueOf(hash(in));
            case JSON_MERGE -> merge(in);
            case MATH_RANDOM -> random(in);
            case MATH_ADD -> integerNode(in.integer(0) + in.integer(1));
            case STRING_SPLIT -> split(in);
            case UUID -> TextNode.valueOf(UUID.randomUUID().toString());
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

    private static JsonNode partition(Arguments in) {
        ArrayNode array = in.array(0);
        long size = in.integer(1);
        if (size <= 0) {
            throw in.failure("the chunk size must be a positive integer");
        }
        ArrayNode chunks = Json.MAPPER.createArrayNode();
        for (int start = 0; start < array.size(); start += (int) size) {
            ArrayNode chunk = chunks.addArray();
            for (int i = start; i < Math.min(array.size(), start + size); i++) {
                chunk.add(array.get(i));
            }
        }
        return chunks;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (sameValue(item, value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode range(Arguments in) {
        long start = in.integer(0);
        long end = in.integer(1);
        long step = in.integer(2);
        if (step == 0) {
            throw in.failure("the step must not be 0");
        }
        ArrayNode range = Json.MAPPER.createArrayNode();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (range.size() == MAX_RANGE_ITEMS) {
                throw in.failure("the range has more than " + MAX_RANGE_ITEMS + " items");
            }
            range.add(integerNode(value));
        }
        return range;
    }

    private static JsonNode getItem(Arguments in) {
        ArrayNode array = in.array(0);
        long index = in.integer(1);
        if (index < 0 || index >= array.size()) {
            throw in.failure("index " + index + " is outside the array (length " + array.size() + ")");
        }
        return array.get((int) index);
    }

    private static JsonNode unique(ArrayNode array) {
        ArrayNode unique = Json.MAPPER.createArrayNode();
        for (JsonNode item : array) {
            if (!contains(unique, item)) {
                unique.add(item);
            }
        }
        return unique;
    }

    private static JsonNode base64Decode(Arguments in) {
        try {
            return TextNode.valueOf(new String(Base64.getDecoder().decode(in.boundedString(0)), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw in.failure("the string is not base64: " + e.getMessage());
        }
    }

    private static String hash(Arguments in) {
        JsonNode data = in.any(0);
        String text = data.isTextual() ? data.textValue() : Json.text(data);
        if (text.length() > MAX_STRING_LENGTH) {
            throw in.failure("the data to hash is longer than " + MAX_STRING_LENGTH + " characters");
        }
        String algorithm = HASH_ALGORITHMS.get(in.string(1));
        if (algorithm == null) {
            throw in.failure("'" + in.string(1) + "' is not a hash algorithm: use one of MD5, SHA-1, SHA-256, "
                    + "SHA-384, SHA-512");
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    private static JsonNode merge(Arguments in) {
        if (!in.any(2).isBoolean() || in.any(2).booleanValue()) {
            throw in.failure("only a shallow merge is supported: the third argument must be false");
        }
        ObjectNode merged = in.object(0).deepCopy();
        merged.setAll(in.object(1));
        return merged;
    }

    private static JsonNode random(Arguments in) {
        long start = in.integer(0);
        long end = in.integer(1);
        if (start >= end) {
            throw in.failure("the start must be lower than the end");
        }
        RandomGenerator generator = in.count() == 3 ? new Random(in.integer(2)) : ThreadLocalRandom.current();
        return integerNode(generator.nextLong(start, end));
    }

    private static JsonNode split(Arguments in) {
        StringTokenizer tokens = new StringTokenizer(in.string(0), in.string(1));
        ArrayNode parts = Json.MAPPER.createArrayNode();
        while (tokens.hasMoreTokens()) {
            parts.add(tokens.nextToken());
        }
        return parts;
    }

    /** Numbers compare by value (1 equals 1.0), everything else structurally. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
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

        String boundedString(int index) {
            String value = string(index);
            if (value.length() > MAX_STRING_LENGTH) {
                throw failure("argument " + index + " is longer than " + MAX_STRING_LENGTH + " characters");
            }
            return value;
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

        ArrayNode array(int index) {
            if (any(index) instanceof ArrayNode array) {
                return array;
            }
            throw mistyped(index, "an array", any(index));
        }

        ObjectNode object(int index) {
            if (any(index) instanceof ObjectNode object) {
                return object;
            }
            throw mistyped(index, "an object", any(index));
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
