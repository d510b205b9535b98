package dev.catalog.domain.product;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.Text;
import java.util.Objects;

/** A product's display name: present, at most 200 characters, no control characters. Surrounding blanks are dropped. */
public record ProductName(String value) {

    public static final int MAX_LENGTH = 200;

    public ProductName {
        Objects.requireNonNull(value, "name");
        value = value.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException(RejectionCode.NAME_INVALID, "a name must not be blank");
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw new InvalidValueException(RejectionCode.NAME_INVALID, "a name has at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(value, "") || Text.hasLoneSurrogates(value)) {
            throw new InvalidValueException(RejectionCode.NAME_INVALID, "a name must not contain control characters");
        }
        if (Text.hasInvisibleFormatting(value)) {
            throw new InvalidValueException(RejectionCode.NAME_INVALID,
                    "a name must not contain invisible formatting characters (bidirectional controls, zero-width characters)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
