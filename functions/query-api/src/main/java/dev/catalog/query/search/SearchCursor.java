package dev.catalog.query.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.platform.http.ProblemException;
import dev.catalog.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.opensearch.client.opensearch._types.FieldValue;

/**
 * The opaque {@code cursor} of a result page: the sort values of the page's last product (where the next page
 * starts, as OpenSearch's {@code search_after}) and the fingerprint of the search that produced it, as
 * base64url JSON.
 *
 * <p>A cursor is checked before use: garbled, from another search (other words, filters, order or tenant), or
 * holding values of the wrong kind for its order, it is refused as a 400 naming {@code cursor}. It is not
 * signed: a client that forges one learns nothing, because it can only move the starting point within its own
 * tenant's results, which the tenant filter bounds whatever the cursor says.
 */
final class SearchCursor {

    static final int MAX_LENGTH = 4096;
    private static final int FORMAT = 1;

    private SearchCursor() {
    }

    static String encode(String fingerprint, List<FieldValue> sortValues) {
        List<Object> after = new ArrayList<>();
        for (FieldValue value : sortValues) {
            after.add(value._get());
        }
        String json = Json.write(Map.of("v", FORMAT, "f", fingerprint, "a", after));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values to continue after; the cursor must come from a search with this fingerprint and order. */
    static List<Object> decode(String cursor, String fingerprint, SearchSort sort) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid("is longer than any cursor this API hands out");
        }
        JsonNode node;
        try {
            node = Json.parse(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JsonProcessingException garbled) {
            throw invalid("is not a cursor this API handed out");
        }
        if (node.path("v").asInt() != FORMAT || !node.path("a").isArray()) {
            throw invalid("is not a cursor this API handed out");
        }
        if (!fingerprint.equals(node.path("f").asText())) {
            throw invalid("belongs to another search; send the same q, filters and sort as the page it came with");
        }
        List<SearchSort.SortValue> kinds = sort.sortValues();
        JsonNode after = node.path("a");
        if (after.size() != kinds.size()) {
            throw invalid("is not a cursor this API handed out");
        }
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            values.add(value(after.get(i), kinds.get(i)));
        }
        return values;
    }

    private static Object value(JsonNode value, SearchSort.SortValue kind) {
        return switch (kind) {
            case NUMBER -> {
                if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
                    throw invalid("is not a cursor this API handed out");
                }
                yield value.doubleValue();
            }
            case WHOLE_NUMBER -> {
                if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                    throw invalid("is not a cursor this API handed out");
                }
                yield value.longValue();
            }
            case TEXT -> {
                if (!value.isTextual()) {
                    throw invalid("is not a cursor this API handed out");
                }
                yield value.textValue();
            }
        };
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalidRequest("cursor", message);
    }
}
