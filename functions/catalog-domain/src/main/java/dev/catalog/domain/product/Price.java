package dev.catalog.domain.product;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a product costs: a strictly positive amount in an ISO 4217 currency, with no more decimals than the
 * currency's minor unit has (19.99 EUR, 1500 JPY, 12.345 BHD). The amount is kept at the currency's scale,
 * so 19.9 and 19.90 are the same price.
 */
public record Price(BigDecimal amount, Currency currency) {

    /** Whole units above which an amount is taken for a mistake rather than a price. */
    public static final int MAX_INTEGER_DIGITS = 12;
    /** The most decimals any amount can have: those of the currency with the finest minor unit (CLF has 4). */
    public static final int MAX_DECIMALS = Currency.getAvailableCurrencies().stream()
            .mapToInt(Currency::getDefaultFractionDigits).max().orElseThrow();

    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    public Price {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int minorDigits = currency.getDefaultFractionDigits();
        if (minorDigits < 0) {
            // Gold, SDRs, test codes: ISO 4217 lists them, but nothing is priced in them.
            throw new InvalidValueException(RejectionCode.CURRENCY_UNKNOWN, currency.getCurrencyCode() + " is not a currency products can be priced in");
        }
        if (amount.signum() <= 0) {
            throw new InvalidValueException(RejectionCode.PRICE_NOT_POSITIVE, "a price must be greater than zero");
        }
        // Checked before any rescaling: an amount like 1E+999999999 is short to write but huge to expand.
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException(RejectionCode.PRICE_TOO_LARGE, "a price has at most " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        BigDecimal normalized = amount.stripTrailingZeros();
        if (normalized.scale() > minorDigits) {
            throw new InvalidValueException(RejectionCode.PRICE_PRECISION,
                    currency.getCurrencyCode() + " amounts have at most " + minorDigits + " decimal places");
        }
        amount = normalized.setScale(minorDigits);
    }

    /** A price from an amount and a currency code as clients send it ("EUR"); unknown codes are rejected. */
    public static Price of(BigDecimal amount, String currencyCode) {
        return new Price(amount, currency(currencyCode));
    }

    public static Currency currency(String code) {
        Objects.requireNonNull(code, "currency");
        if (!CURRENCY_CODE.matcher(code).matches()) {
            throw new InvalidValueException(RejectionCode.CURRENCY_UNKNOWN, "a currency is an ISO 4217 code of three capital letters, such as EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidValueException(RejectionCode.CURRENCY_UNKNOWN, code + " is not an ISO 4217 currency");
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
