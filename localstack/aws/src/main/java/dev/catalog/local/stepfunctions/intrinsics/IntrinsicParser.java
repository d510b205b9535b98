package dev.catalog.local.stepfunctions.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.local.stepfunctions.asl.JsonPathExpression;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses intrinsic function calls: {@code States.Name(arg, ...)} where an argument is a string literal in single quotes
 * (escapes {@code \' \{ \} \\}), a number, {@code true}, {@code false}, {@code null}, a Path ({@code $...} or
 * {@code $$...}) or a nested call.
 */
public final class IntrinsicParser {

    private static final BigDecimal LONG_LIMIT = BigDecimal.valueOf(Long.MAX_VALUE);

    private final String text;
    private int position;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    /** True when a string is meant as an intrinsic call (and must then parse as one). */
    public static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    /** Parses a whole call; throws {@link IllegalArgumentException} saying what is wrong and where. */
    public static IntrinsicCall parse(String text) {
        IntrinsicParser parser = new IntrinsicParser(text);
        IntrinsicCall call = parser.call();
        parser.skipSpaces();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the call");
        }
        return call;
    }

    private IntrinsicCall call() {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '.')) {
            position++;
        }
        String name = text.substring(start, position);
        IntrinsicFunction function = IntrinsicFunction.named(name)
                .orElseThrow(() -> error("'" + name + "' is not an intrinsic function the local engine runs (it runs "
                        + IntrinsicFunction.names() + ": no state machine of this project uses the others)"));
        expect('(');
        List<IntrinsicArgument> arguments = new ArrayList<>();
        skipSpaces();
        if (peek() != ')') {
            do {
                skipSpaces();
                arguments.add(argument());
                skipSpaces();
            } while (consume(','));
        }
        expect(')');
        if (!function.accepts(arguments.size())) {
            throw error(name + " does not take " + arguments.size() + " argument(s)");
        }
        return new IntrinsicCall(function, arguments, text.substring(start, position));
    }

    private IntrinsicArgument argument() {
        char c = peek();
        if (c == '\'') {
            return stringLiteral();
        }
        if (c == '$') {
            return path();
        }
        if (text.startsWith("States.", position)) {
            return call();
        }
        String word = word();
        return switch (word) {
            case "true" -> new IntrinsicArgument.Literal(BooleanNode.TRUE, word);
            case "false" -> new IntrinsicArgument.Literal(BooleanNode.FALSE, word);
            case "null" -> new IntrinsicArgument.Literal(NullNode.getInstance(), word);
            default -> number(word);
        };
    }

    private IntrinsicArgument.Literal stringLiteral() {
        expect('\'');
        StringBuilder value = new StringBuilder();
        StringBuilder escaped = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string literal");
            }
            char c = text.charAt(position++);
            if (c == '\'') {
                return new IntrinsicArgument.Literal(TextNode.valueOf(value.toString()), escaped.toString());
            }
            if (c == '\\') {
                if (position >= text.length()) {
                    throw error("unterminated escape in string literal");
                }
                char next = text.charAt(position++);
                if ("'{}\\".indexOf(next) < 0) {
                    throw error("'\\" + next + "' is not an escape: only \\' \\{ \\} \\\\ are");
                }
                value.append(next);
                // Format needs to tell an escaped brace from a placeholder, and "\\" from the start of an escape.
                escaped.append(next == '\'' ? "'" : "\\" + next);
            } else {
                value.append(c);
                escaped.append(c);
            }
        }
    }

    private IntrinsicArgument.PathArgument path() {
        int start = position;
        int depth = 0;
        boolean quoted = false;
        while (position < text.length()) {
            char c = peek();
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '(')) {
                depth++;
            } else if (!quoted && (c == ']' || c == ')')) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (!quoted && depth == 0 && (c == ',' || Character.isWhitespace(c))) {
                break;
            }
            position++;
        }
        String path = text.substring(start, position);
        try {
            return new IntrinsicArgument.PathArgument(JsonPathExpression.compile(path));
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private IntrinsicArgument.Literal number(String word) {
        try {
            BigDecimal number = new BigDecimal(word);
            JsonNode node = number.scale() <= 0 && number.abs().compareTo(LONG_LIMIT) < 0
                    ? IntrinsicFunctions.integerNode(number.longValueExact())
                    : JsonNodeFactory.withExactBigDecimals(true).numberNode(number);
            return new IntrinsicArgument.Literal(node, word);
        } catch (NumberFormatException e) {
            throw error("'" + word + "' is not a valid argument: expected a 'string', number, boolean, null, Path or call");
        }
    }

    private String word() {
        int start = position;
        while (position < text.length() && peek() != ',' && peek() != ')' && !Character.isWhitespace(peek())) {
            position++;
        }
        return text.substring(start, position);
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private boolean consume(char expected) {
        if (peek() == expected) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(char expected) {
        if (!consume(expected)) {
            throw error("expected '" + expected + "'");
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Invalid intrinsic function call '" + text + "' at character " + position
                + ": " + problem);
    }
}
