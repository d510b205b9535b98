package dev.catalog.domain.product;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import java.util.Objects;
import java.util.regex.Pattern;

/** Stock keeping unit: unique per tenant, 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit. */
public record Sku(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Sku {
        Objects.requireNonNull(value, "sku");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException(RejectionCode.SKU_INVALID,
                    "a SKU is 1 to 64 letters, digits, '.', '_' or '-', and starts with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
