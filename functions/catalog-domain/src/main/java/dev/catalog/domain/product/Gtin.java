package dev.catalog.domain.product;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Global Trade Item Number, the number under a barcode: GTIN-8, -12 (UPC-A), -13 (EAN-13) or -14, whose last
 * digit is the GS1 check digit of the others. Kept as written; {@link #key()} is the 14-digit form in which the
 * lengths compare (GS1 pads shorter GTINs with leading zeros), so "012345678905" and "0012345678905" are one
 * trade item: unique per tenant and found by either form.
 */
public record Gtin(String value) {

    private static final Pattern FORM = Pattern.compile("[0-9]{8}|[0-9]{12,14}");

    public Gtin {
        Objects.requireNonNull(value, "gtin");
        if (!FORM.matcher(value).matches()) {
            throw new InvalidValueException(RejectionCode.GTIN_INVALID, "a GTIN is 8, 12, 13 or 14 digits");
        }
        int expected = checkDigit(value.substring(0, value.length() - 1));
        if (value.charAt(value.length() - 1) - '0' != expected) {
            throw new InvalidValueException(RejectionCode.GTIN_CHECK_DIGIT,
                    "the last digit of this GTIN should be " + expected + " (GS1 check digit)");
        }
    }

    /** The 14-digit form: equal for two ways of writing one GTIN. */
    public String key() {
        return "0".repeat(14 - value.length()) + value;
    }

    /**
     * GS1's mod-10 check digit: from the rightmost digit leftwards, weights 3, 1, 3, 1...; the check digit brings
     * the weighted sum up to a multiple of ten.
     */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
