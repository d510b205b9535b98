package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The comparison operators of Choice rules. Each {@code String*}, {@code Numeric*}, {@code Boolean*} and
 * {@code Timestamp*} operator also exists as {@code ...Path}, comparing with a value selected from the input. A value
 * of the wrong type never matches (as in AWS: {@code NumericEquals} on a string is false, not an error).
 */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, c -> c == 0),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, c -> c < 0),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, c -> c > 0),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, c -> c <= 0),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, c -> c >= 0),
    STRING_MATCHES("StringMatches", Kind.PATTERN, c -> c == 0),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, c -> c == 0),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, c -> c < 0),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, c -> c > 0),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, c -> c <= 0),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, c -> c >= 0),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, c -> c == 0),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, c -> c == 0),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, c -> c < 0),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, c -> c > 0),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, c -> c <= 0),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, c -> c >= 0),
    IS_NULL("IsNull", Kind.TYPE_TEST, c -> true),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, c -> true),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, c -> true),
    IS_STRING("IsString", Kind.TYPE_TEST, c -> true),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, c -> true),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, c -> true);

    /** What an operator compares, which decides the literal it expects in the definition. */
    public enum Kind {
        STRING, PATTERN, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST
    }

    private final String aslName;
    private final Kind kind;
    private final IntPredicate accepts;

    ComparisonOperator(String aslName, Kind kind, IntPredicate accepts) {
        this.aslName = aslName;
        this.kind = kind;
        this.accepts = accepts;
    }

    public static Optional<ComparisonOperator> named(String aslName) {
        return Arrays.stream(values()).filter(c -> c.aslName.equals(aslName)).findFirst();
    }

    public String aslName() {
        return aslName;
    }

    public Kind kind() {
        return kind;
    }

    /** True for the operators that have a {@code ...Path} variant. */
    public boolean hasPathVariant() {
        return kind != Kind.PATTERN && kind != Kind.TYPE_TEST;
    }

    /** Whether a literal in the definition is of the type this operator compares with. */
    public boolean acceptsLiteral(JsonNode literal) {
        return switch (kind) {
            case STRING, PATTERN -> literal.isTextual();
            case NUMERIC -> literal.isNumber();
            case BOOLEAN, TYPE_TEST -> literal.isBoolean();
            case TIMESTAMP -> literal.isTextual() && parseTimestamp(literal).isPresent();
        };
    }

    /**
     * @param actual   the variable's value, or {@code null} when the variable's path selects nothing (only type tests
     *                 get there)
     * @param expected the literal, or the value selected by the {@code ...Path} operand
     */
    public boolean test(JsonNode actual, JsonNode expected) {
        return switch (kind) {
            case STRING -> actual.isTextual() && expected.isTextual()
                    && accepts.test(Integer.signum(actual.textValue().compareTo(expected.textValue())));
            case PATTERN -> actual.isTextual() && StringPattern.matches(expected.textValue(), actual.textValue());
            case NUMERIC -> actual.isNumber() && expected.isNumber()
                    && accepts.test(actual.decimalValue().compareTo(expected.decimalValue()));
            case BOOLEAN -> actual.isBoolean() && expected.isBoolean() && actual.booleanValue() == expected.booleanValue();
            case TIMESTAMP -> compareTimestamps(actual, expected);
            case TYPE_TEST -> typeTest(actual) == expected.booleanValue();
        };
    }

    private boolean compareTimestamps(JsonNode actual, JsonNode expected) {
        Optional<OffsetDateTime> left = parseTimestamp(actual);
        Optional<OffsetDateTime> right = parseTimestamp(expected);
        return left.isPresent() && right.isPresent()
                && accepts.test(Integer.signum(left.get().toInstant().compareTo(right.get().toInstant())));
    }

    private boolean typeTest(JsonNode actual) {
        return switch (this) {
            case IS_PRESENT -> actual != null;
            case IS_NULL -> actual != null && actual.isNull();
            case IS_NUMERIC -> actual != null && actual.isNumber();
            case IS_STRING -> actual != null && actual.isTextual();
            case IS_BOOLEAN -> actual != null && actual.isBoolean();
            case IS_TIMESTAMP -> actual != null && parseTimestamp(actual).isPresent();
            default -> throw new IllegalStateException(aslName + " is not a type test");
        };
    }

    /** ASL timestamps are RFC 3339 with an uppercase T and a zone (Z or an offset). */
    static Optional<OffsetDateTime> parseTimestamp(JsonNode value) {
        if (!value.isTextual() || !value.textValue().contains("T")) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.textValue()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** {@code StringMatches}: {@code *} matches any run of characters; {@code \*} and {@code \\} are literals. */
    static final class StringPattern {
        private StringPattern() {
        }

        static boolean matches(String pattern, String value) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length()) {
                    literal.append(pattern.charAt(++i));
                } else if (c == '*') {
                    regex.append(java.util.regex.Pattern.quote(literal.toString())).append(".*");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            regex.append(java.util.regex.Pattern.quote(literal.toString()));
            return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.DOTALL).matcher(value).matches();
        }
    }
}
