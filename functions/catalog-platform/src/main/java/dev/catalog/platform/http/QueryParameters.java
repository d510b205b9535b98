package dev.catalog.platform.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of a request, read from the raw query string as the client sent it. API Gateway's
 * {@code queryStringParameters} joins repeated parameters with commas, which cannot be told apart from a
 * value that contains a comma; the raw string keeps both. Names and values are URL-decoded as HTML forms
 * encode them ({@code +} is a space); a parameter without {@code =} has the empty value.
 */
public final class QueryParameters {

    private final Map<String, List<String>> values;

    private QueryParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /** @throws ProblemException 400 naming the parameter whose percent-encoding is broken */
    public static QueryParameters parse(String rawQueryString) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return new QueryParameters(values);
        }
        for (String pair : rawQueryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName, rawName);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return new QueryParameters(values);
    }

    /** Every name sent, in order of first appearance. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The values sent for {@code name}, in order, repeats included; empty when it was not sent. */
    public List<String> values(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** The value of a parameter that may be sent once; empty when absent or blank, 400 when sent twice. */
    public java.util.Optional<String> single(String name) {
        List<String> sent = values(name);
        if (sent.size() > 1) {
            throw ProblemException.invalidRequest(name, "may be given once");
        }
        return sent.stream().filter(value -> !value.isBlank()).findFirst();
    }

    /** 400 naming every parameter not in {@code allowed}: a misspelt parameter must not be silently ignored. */
    public QueryParameters allowOnly(Set<String> allowed) {
        List<FieldError> unknown = names().stream().filter(name -> !allowed.contains(name))
                .map(name -> FieldError.invalid(name, "is not a known parameter")).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidRequest(unknown);
        }
        return this;
    }

    private static String decode(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw ProblemException.invalidRequest(parameter, "is not correctly URL-encoded");
        }
    }
}
