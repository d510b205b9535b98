package dev.catalog.domain.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-0.01", "-19.99"})
    void a_price_must_be_greater_than_zero(String amount) {
        assertRefused(amount, "EUR", RejectionCode.PRICE_NOT_POSITIVE);
    }

    @ParameterizedTest
    @CsvSource({"19.999, EUR", "1.5, JPY", "12.3456, BHD"})
    void a_price_has_no_more_decimals_than_its_currency(String amount, String currency) {
        assertRefused(amount, currency, RejectionCode.PRICE_PRECISION);
    }

    @ParameterizedTest
    @CsvSource({"19.99, EUR, 19.99", "19.9, EUR, 19.90", "19.990000, EUR, 19.99", "1500, JPY, 1500", "12.345, BHD, 12.345", "1E+2, USD, 100.00"})
    void a_price_is_kept_at_its_currency_scale(String amount, String currency, String expected) {
        assertThat(Price.of(new BigDecimal(amount), currency).amount().toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EURO", "eur", "ZZZ", "", "€"})
    void a_currency_is_an_iso_4217_code(String currency) {
        assertRefused("1.00", currency, RejectionCode.CURRENCY_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XAU", "XXX", "XDR"})
    void nothing_is_priced_in_metals_drawing_rights_or_test_codes(String currency) {
        assertRefused("1", currency, RejectionCode.CURRENCY_UNKNOWN);
    }

    @Test
    void an_absurdly_large_price_is_refused_without_expanding_it() {
        long started = System.nanoTime();

        assertRefused("1E+999999999", "EUR", RejectionCode.PRICE_TOO_LARGE);
        assertRefused("1000000000000", "EUR", RejectionCode.PRICE_TOO_LARGE);
        assertThat(Price.of(new BigDecimal("999999999999.99"), "EUR").amount()).isEqualByComparingTo("999999999999.99");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void the_same_amount_written_differently_is_the_same_price() {
        assertThat(Price.of(new BigDecimal("19.9"), "EUR")).isEqualTo(Price.of(new BigDecimal("19.90"), "EUR"));
    }

    private static void assertRefused(String amount, String currency, RejectionCode code) {
        assertThatThrownBy(() -> Price.of(new BigDecimal(amount), currency))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
