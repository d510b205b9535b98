package dev.catalog.domain.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GtinTest {

    @ParameterizedTest
    // GTIN-8, UPC-A (GTIN-12), EAN-13 and GTIN-14 numbers printed on real packages.
    @ValueSource(strings = {"96385074", "036000291452", "4006381333931", "5901234123457", "10012345678902", "00000000"})
    void every_gs1_length_with_its_check_digit_is_a_gtin(String value) {
        assertThat(new Gtin(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "123456789", "1234567890", "12345678901", "123456789012345",
            "400638133393A", "4006381333931 ", " 4006381333931", "40063813-3393", "٤٠٠٦٣٨١٣٣٣٩٣١", "+4006381333931"})
    void other_lengths_letters_and_signs_are_not(String value) {
        assertThatThrownBy(() -> new Gtin(value)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo(RejectionCode.GTIN_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4006381333932", "4006381333930", "96385075", "036000291453", "10012345678900"})
    void a_wrong_check_digit_is_refused_naming_the_right_one(String value) {
        assertThatThrownBy(() -> new Gtin(value)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("should be")
                .extracting(e -> ((InvalidValueException) e).code()).isEqualTo(RejectionCode.GTIN_CHECK_DIGIT);
    }

    @Test
    void a_transposition_of_neighbouring_digits_is_caught() {
        // The check digit exists for this: 4006381333931 with its 3rd and 4th digits swapped.
        assertThatThrownBy(() -> new Gtin("4060381333931")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void the_key_is_the_14_digit_form_shared_by_every_way_of_writing_one_gtin() {
        assertThat(new Gtin("036000291452").key()).isEqualTo("00036000291452");
        assertThat(new Gtin("0036000291452").key()).isEqualTo(new Gtin("036000291452").key());
        assertThat(new Gtin("96385074").key()).isEqualTo("00000096385074");
        assertThat(new Gtin("10012345678902").key()).isEqualTo("10012345678902");
    }
}
