package dev.catalog.domain.inventory;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import java.util.Objects;
import java.util.regex.Pattern;

/** A warehouse, by its code: 1 to 32 letters, digits, '_' or '-'. */
public record WarehouseCode(String value) implements Comparable<WarehouseCode> {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

    public WarehouseCode {
        Objects.requireNonNull(value, "warehouse");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException(RejectionCode.WAREHOUSE_INVALID,
                    "a warehouse code is 1 to 32 letters, digits, '_' or '-', starting with a letter or digit");
        }
    }

    @Override
    public int compareTo(WarehouseCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
