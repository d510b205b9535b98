package dev.catalog.domain.product;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.Text;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A small map of product properties ("color" = "red") that search offers as facets. At most 20 entries; keys
 * are lower-case identifiers, values 1 to 100 characters. Kept sorted so the same attributes always serialize
 * the same way.
 */
public record Attributes(SortedMap<String, String> values) {

    public static final int MAX_ENTRIES = 20;
    public static final int MAX_NAME_LENGTH = 40;
    public static final int MAX_VALUE_LENGTH = 100;
    /** How attribute names are written, as a sentence for messages. */
    public static final String NAME_FORM = "1 to " + MAX_NAME_LENGTH + " lower-case letters, digits or '_', starting with a letter";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0," + (MAX_NAME_LENGTH - 1) + "}");
    public static final Attributes NONE = new Attributes(new TreeMap<>());

    public Attributes {
        Objects.requireNonNull(values, "attributes");
        if (values.size() > MAX_ENTRIES) {
            throw new InvalidValueException(RejectionCode.ATTRIBUTES_INVALID, "a product has at most " + MAX_ENTRIES + " attributes");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            if (!isName(key)) {
                throw new InvalidValueException(RejectionCode.ATTRIBUTES_INVALID, "attribute names are " + NAME_FORM);
            }
            String value = Objects.requireNonNullElse(entry.getValue(), "").strip();
            if (value.isEmpty() || Text.length(value) > MAX_VALUE_LENGTH
                    || Text.hasControlCharacters(value, "") || Text.hasLoneSurrogates(value)) {
                throw new InvalidValueException(RejectionCode.ATTRIBUTES_INVALID,
                        "attribute '" + key + "' needs a value of 1 to " + MAX_VALUE_LENGTH + " characters without control characters");
            }
            copy.put(key, value);
        }
        values = Collections.unmodifiableSortedMap(copy);
    }

    /** True when {@code name} can name an attribute. */
    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static Attributes of(Map<String, String> values) {
        return new Attributes(new TreeMap<>(values));
    }
}
