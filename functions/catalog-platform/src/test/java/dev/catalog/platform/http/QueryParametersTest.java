package dev.catalog.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryParametersTest {

    @Test
    void keeps_repeated_parameters_apart_from_values_that_contain_commas() {
        QueryParameters parameters = QueryParameters.parse("brand=Acme&brand=Stride%2C+Inc.&q=run");

        assertThat(parameters.values("brand")).containsExactly("Acme", "Stride, Inc.");
        assertThat(parameters.values("q")).containsExactly("run");
        assertThat(parameters.names()).containsExactly("brand", "q");
    }

    @Test
    void decodes_names_and_values_as_forms_encode_them() {
        QueryParameters parameters = QueryParameters.parse("attr.color=dark+blue&q=cr%C3%A8me%20br%C3%BBl%C3%A9e&flag");

        assertThat(parameters.values("attr.color")).containsExactly("dark blue");
        assertThat(parameters.values("q")).containsExactly("crème brûlée");
        assertThat(parameters.values("flag")).containsExactly("");
    }

    @Test
    void has_no_parameters_without_a_query_string() {
        assertThat(QueryParameters.parse(null).names()).isEmpty();
        assertThat(QueryParameters.parse("").names()).isEmpty();
        assertThat(QueryParameters.parse("&&").names()).isEmpty();
        assertThat(QueryParameters.parse("q=run").values("brand")).isEmpty();
    }

    @Test
    void refuses_broken_percent_encoding_naming_the_parameter() {
        assertThatThrownBy(() -> QueryParameters.parse("q=100%"))
                .isInstanceOfSatisfying(ProblemException.class, refused -> {
                    assertThat(refused.problem().status()).isEqualTo(400);
                    assertThat(refused.problem().errors()).extracting(FieldError::field).containsExactly("q");
                });
    }
}
