package dev.catalog.domain.product;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.Text;
import java.util.Objects;

/** Free text about a product: at most 5,000 characters; line breaks and tabs allowed, other control characters not. */
public record Description(String value) {

    public static final int MAX_LENGTH = 5_000;

    public Description {
        Objects.requireNonNull(value, "description");
        value = value.strip();
        if (value.isEmpty()) {
            throw new InvalidValueException(RejectionCode.DESCRIPTION_INVALID, "a description must not be blank; omit it or set it to null instead");
        }
        if (Text.length(value) > MAX_LENGTH) {
            throw new InvalidValueException(RejectionCode.DESCRIPTION_INVALID, "a description has at most " + MAX_LENGTH + " characters");
        }
        if (Text.hasControlCharacters(value, "\n\r\t") || Text.hasLoneSurrogates(value)) {
            throw new InvalidValueException(RejectionCode.DESCRIPTION_INVALID,
                    "a description must not contain control characters other than line breaks and tabs");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
