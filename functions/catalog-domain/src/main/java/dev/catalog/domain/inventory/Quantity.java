package dev.catalog.domain.inventory;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;

/** Units on hand in one warehouse: never negative, and at most a billion. */
public record Quantity(long value) {

    public static final long MAX = 1_000_000_000L;
    public static final Quantity ZERO = new Quantity(0);

    public Quantity {
        if (value < 0) {
            throw new InvalidValueException(RejectionCode.QUANTITY_NEGATIVE, "a stock quantity is never negative");
        }
        if (value > MAX) {
            throw new InvalidValueException(RejectionCode.QUANTITY_TOO_LARGE, "a stock quantity is at most " + MAX);
        }
    }
}
