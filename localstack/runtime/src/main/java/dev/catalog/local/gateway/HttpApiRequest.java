package dev.catalog.local.gateway;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request as the local HTTP API received it, independent of the HTTP server that carried it.
 *
 * @param requestId  API Gateway's id of the request (also its {@code apigw-requestid} response header)
 * @param rawPath    the path as sent, still percent-encoded
 * @param rawQuery   the query string as sent, without {@code ?}; empty when there is none
 * @param headers    by lower-case name, each value as sent
 * @param sourceIp   the client's address
 * @param host       the {@code Host} the client addressed, port included
 * @param serverPort the port the request came in on
 */
record HttpApiRequest(String requestId, Instant time, String method, String rawPath, String rawQuery,
                      Map<String, List<String>> headers, byte[] body, String sourceIp, String protocol, String host,
                      int serverPort) {

    HttpApiRequest {
        Map<String, List<String>> lowerCase = new TreeMap<>();
        headers.forEach((name, values) -> lowerCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
        headers = lowerCase;
    }

    /** The header's values joined with commas, as API Gateway passes a repeated header. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT))).map(values -> String.join(",", values));
    }

    /** The path's segments, each percent-decoded: what routes are matched against. */
    List<String> pathSegments() {
        // In a path '+' is a plus, not a space as in a query.
        return Arrays.stream(rawPath.substring(1).split("/", -1))
                .map(segment -> decodeQuery(segment.replace("+", "%2B")))
                .toList();
    }

    /** The query parameters in order, names and values decoded; a repeated one has several values. */
    Map<String, List<String>> queryParameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.computeIfAbsent(decodeQuery(name), key -> new ArrayList<>()).add(decodeQuery(value));
        }
        return parameters;
    }

    /**
     * The path as API Gateway gives it in {@code rawPath}: every percent-escape decoded except {@code %25}, so that
     * {@code a%252Eb} stays distinguishable from {@code a%2Eb} (measured against AWS by the ministack project).
     */
    String decodedPath() {
        StringBuilder path = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%' && i + 2 < rawPath.length() && isHex(rawPath.charAt(i + 1)) && isHex(rawPath.charAt(i + 2))) {
                int octet = Integer.parseInt(rawPath, i + 1, i + 3, 16);
                if (octet != '%') {
                    pending.write(octet);
                    i += 2;
                    continue;
                }
            }
            path.append(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
            path.append(c);
        }
        return path.append(pending.toString(StandardCharsets.UTF_8)).toString();
    }

    /** Decoded, or left as sent when it is not valid percent-encoding. */
    private static String decodeQuery(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
