package dev.catalog.platform.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words what is wrong with a body that is not JSON, and where. The parser's own messages name its
 * classes and settings ({@code JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS}, {@code START_OBJECT}, {@code [Source:
 * REDACTED ...]}): a client learns nothing from them, and they tell an attacker which library answers.
 */
final class JsonSyntax {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.{0,64}?)'");
    private static final Pattern UNEXPECTED_CHARACTER = Pattern.compile("Unexpected character \\('(.{1,2}?)' \\(code");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '([^']{0,32})'");

    private JsonSyntax() {
    }

    static String describe(JsonProcessingException malformed) {
        String original = String.valueOf(malformed.getOriginalMessage());
        return what(malformed, original) + where(malformed.getLocation());
    }

    private static String what(JsonProcessingException malformed, String original) {
        Matcher duplicate = DUPLICATE.matcher(original);
        if (duplicate.find()) {
            return "the key \"" + duplicate.group(1) + "\" appears twice";
        }
        if (malformed instanceof JsonEOFException || original.startsWith("Unexpected end-of-input")) {
            return "the JSON ends too early";
        }
        if (original.startsWith("Trailing token")) {
            return "there is more after the JSON value";
        }
        if (original.contains("'NaN'") || original.contains("Infinity")) {
            return "NaN and Infinity are not JSON numbers";
        }
        if (original.contains("Leading zeroes") || original.contains("leading zero")) {
            return "a number must not start with 0";
        }
        if (original.contains("Invalid UTF-8")) {
            return "the body is not valid UTF-8";
        }
        Matcher character = UNEXPECTED_CHARACTER.matcher(original);
        if (character.find()) {
            return "unexpected character '" + character.group(1) + "'";
        }
        Matcher token = UNRECOGNIZED.matcher(original);
        if (token.find()) {
            return "unexpected word '" + token.group(1) + "'";
        }
        if (original.contains("control character") || original.contains("CTRL-CHAR")) {
            return "a string holds an unescaped control character";
        }
        return "the JSON is malformed";
    }

    private static String where(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
