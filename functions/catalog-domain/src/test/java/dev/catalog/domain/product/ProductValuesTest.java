package dev.catalog.domain.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-ABC", "ABC DEF", "ABC'; DROP TABLE product;--", "ÄBC", "A/B", "AB\u200BC", "ABC\u202E"})
    void a_sku_is_letters_digits_dots_dashes_and_underscores(String sku) {
        assertRefused(() -> new Sku(sku), RejectionCode.SKU_INVALID);
    }

    @Test
    void a_sku_has_at_most_64_characters() {
        assertThat(new Sku("A".repeat(64)).value()).hasSize(64);
        assertRefused(() -> new Sku("A".repeat(65)), RejectionCode.SKU_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Shoe\u0000", "Shoe\nBox", "Shoe\u001B[31m", "Shoe\u0085", "Lone \uD800 surrogate"})
    void a_name_is_present_and_free_of_control_characters(String name) {
        assertRefused(() -> new ProductName(name), RejectionCode.NAME_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Invoice \u202Egpj.exe", "Shoe\u2066 isolated\u2069", "right\u200Fmark", "Sh\u200Boe",
            "Shoe\uFEFF", "word\u2060joiner", "\u200DShoe", "Sho\u200De", "Shoe\u200C"})
    void a_name_has_no_bidirectional_controls_and_no_zero_width_characters(String name) {
        assertRefused(() -> new ProductName(name), RejectionCode.NAME_INVALID);
        assertRefused(() -> new Brand(name), RejectionCode.BRAND_INVALID);
        assertRefused(() -> new dev.catalog.domain.category.CategoryName(name), RejectionCode.NAME_INVALID);
    }

    @Test
    void a_name_keeps_the_joiners_emoji_sequences_and_scripts_need() {
        assertThat(new ProductName("Family 👨\u200D👩\u200D👧 pack").value()).contains("\u200D");
        assertThat(new ProductName("می\u200Cخواهم").value()).contains("\u200C");
    }

    @Test
    void a_name_is_measured_in_characters_and_bounded() {
        assertThat(new ProductName("👟".repeat(200)).value()).isNotEmpty();
        assertRefused(() -> new ProductName("x".repeat(201)), RejectionCode.NAME_INVALID);
    }

    @Test
    void a_name_loses_surrounding_blanks_and_keeps_what_looks_like_sql() {
        assertThat(new ProductName("  Robert'); DROP TABLE product;--  ").value()).isEqualTo("Robert'); DROP TABLE product;--");
    }

    @Test
    void a_description_may_have_line_breaks_but_no_other_control_characters() {
        assertThat(new Description("Line one\nLine two\tindented").value()).contains("\n");
        assertRefused(() -> new Description("bell\u0007"), RejectionCode.DESCRIPTION_INVALID);
        assertRefused(() -> new Description("x".repeat(5_001)), RejectionCode.DESCRIPTION_INVALID);
    }

    @Test
    void attributes_are_few_with_identifier_keys_and_short_values() {
        assertThat(Attributes.of(Map.of("color", " red ")).values()).containsEntry("color", "red");
        assertRefused(() -> Attributes.of(Map.of("Color", "red")), RejectionCode.ATTRIBUTES_INVALID);
        assertRefused(() -> Attributes.of(Map.of("color", "")), RejectionCode.ATTRIBUTES_INVALID);
        assertRefused(() -> Attributes.of(Map.of("color", "x".repeat(101))), RejectionCode.ATTRIBUTES_INVALID);
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i < 21; i++) {
            many.put("a" + i, "v");
        }
        assertRefused(() -> Attributes.of(many), RejectionCode.ATTRIBUTES_INVALID);
    }

    @Test
    void attributes_are_kept_in_key_order() {
        assertThat(Attributes.of(Map.of("size", "42", "color", "red", "fit", "wide")).values().keySet())
                .containsExactly("color", "fit", "size");
    }

    private static void assertRefused(Runnable construct, RejectionCode code) {
        assertThatThrownBy(construct::run)
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
