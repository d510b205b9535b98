package dev.catalog.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsernamePasswordTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:rds!cluster-1";

    @Test
    void reads_the_shape_of_auroras_managed_master_secret() {
        UsernamePassword credentials = UsernamePassword.parse(
                "{\"username\":\"catalog_admin\",\"password\":\"p$ss{w}rd\"}", SECRET);

        assertThat(credentials).isEqualTo(new UsernamePassword("catalog_admin", "p$ss{w}rd"));
    }

    @Test
    void ignores_the_other_keys_of_a_full_rds_secret() {
        UsernamePassword credentials = UsernamePassword.parse("""
                {"engine":"postgres","host":"db.example","port":5432,"dbname":"catalog",
                 "username":"debezium","password":"s3cret"}""", SECRET);

        assertThat(credentials.username()).isEqualTo("debezium");
        assertThat(credentials.password()).isEqualTo("s3cret");
    }

    @Test
    void names_the_missing_field_and_the_secret_but_never_the_value() {
        assertThatThrownBy(() -> UsernamePassword.parse("{\"username\":\"catalog_admin\",\"pass\":\"hunter2\"}", SECRET))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("secret " + SECRET + " has no password")
                .message().doesNotContain("hunter2");
    }

    @Test
    void refuses_a_value_that_is_not_a_json_object_without_quoting_it() {
        assertThatThrownBy(() -> UsernamePassword.parse("hunter2", SECRET))
                .hasMessage("secret " + SECRET + " is not a JSON object with username and password");
        assertThatThrownBy(() -> UsernamePassword.parse("[\"hunter2\"]", SECRET))
                .hasMessage("secret " + SECRET + " is not a JSON object with username and password");
        assertThatThrownBy(() -> UsernamePassword.parse(null, SECRET))
                .hasMessage("secret " + SECRET + " is not a JSON object with username and password");
    }

    @Test
    void refuses_an_empty_or_non_text_password() {
        assertThatThrownBy(() -> UsernamePassword.parse("{\"username\":\"u\",\"password\":\"\"}", SECRET))
                .hasMessage("secret " + SECRET + " has no password");
        assertThatThrownBy(() -> UsernamePassword.parse("{\"username\":\"u\",\"password\":42}", SECRET))
                .hasMessage("secret " + SECRET + " has no password");
    }

    @Test
    void keeps_the_password_out_of_its_text() {
        assertThat(new UsernamePassword("catalog_admin", "hunter2").toString())
                .contains("catalog_admin")
                .doesNotContain("hunter2");
    }
}
