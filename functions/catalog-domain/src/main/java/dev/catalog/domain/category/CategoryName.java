package dev.catalog.domain.category;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.Text;
import java.util.Objects;

/** A category's name: 1 to 100 characters, no control characters, unique among its siblings (ignoring case). */
public record CategoryName(String value) {

    public static final int MAX_LENGTH = 100;

    public CategoryName {
        Objects.requireNonNull(value, "name");
        value = value.strip();
        if (value.isEmpty() || Text.length(value) > MAX_LENGTH) {
            throw new InvalidValueException(RejectionCode.NAME_INVALID, "a category name has 1 to " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(value, "") || Text.hasLoneSurrogates(value)) {
            throw new InvalidValueException(RejectionCode.NAME_INVALID, "a category name must not contain control characters");
        }
        if (Text.hasInvisibleFormatting(value)) {
            throw new InvalidValueException(RejectionCode.NAME_INVALID,
                    "a category name must not contain invisible formatting characters (bidirectional controls, zero-width characters)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
