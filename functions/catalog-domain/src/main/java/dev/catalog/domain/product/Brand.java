package dev.catalog.domain.product;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.Text;
import java.util.Objects;

/** The brand a product is sold under: 1 to 100 characters, no control characters. It is a search facet. */
public record Brand(String value) {

    public static final int MAX_LENGTH = 100;

    public Brand {
        Objects.requireNonNull(value, "brand");
        value = value.strip();
        if (value.isEmpty() || Text.length(value) > MAX_LENGTH) {
            throw new InvalidValueException(RejectionCode.BRAND_INVALID, "a brand has 1 to " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(value, "") || Text.hasLoneSurrogates(value)) {
            throw new InvalidValueException(RejectionCode.BRAND_INVALID, "a brand must not contain control characters");
        }
        if (Text.hasInvisibleFormatting(value)) {
            throw new InvalidValueException(RejectionCode.BRAND_INVALID,
                    "a brand must not contain invisible formatting characters (bidirectional controls, zero-width characters)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
