package dev.catalog.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.platform.config.Environment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private static final String URL = "jdbc:postgresql://db.example:5432/catalog?sslmode=require";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:000000000000:secret:rds!cluster-1";

    @Test
    void takes_the_credentials_from_the_secret_in_aws() {
        DatabaseSettings settings = from(Map.of("DB_URL", URL, "DB_SECRET_ARN", SECRET, "DB_POOL_SIZE", "2"));

        assertThat(settings).isEqualTo(new DatabaseSettings(URL, new DatabaseCredentials.FromSecret(SECRET), 2));
    }

    @Test
    void takes_user_and_password_as_given_locally() {
        DatabaseSettings settings = from(Map.of("DB_URL", URL, "DB_USER", "postgres", "DB_PASSWORD", "postgres",
                "DB_POOL_SIZE", "8"));

        assertThat(settings.credentials()).isEqualTo(new DatabaseCredentials.Given("postgres", "postgres"));
        assertThat(settings.poolSize()).isEqualTo(8);
    }

    @Test
    void refuses_a_secret_and_a_password_together() {
        assertThatThrownBy(() -> from(Map.of("DB_URL", URL, "DB_SECRET_ARN", SECRET, "DB_PASSWORD", "postgres")))
                .hasMessage("set either DB_SECRET_ARN or DB_USER and DB_PASSWORD, not both");
    }

    @Test
    void names_what_is_missing_without_a_secret() {
        assertThatThrownBy(() -> from(Map.of("DB_URL", URL, "DB_USER", "postgres")))
                .isInstanceOf(Environment.MissingConfigurationException.class)
                .hasMessageContaining("DB_PASSWORD");
        assertThatThrownBy(() -> from(Map.of("DB_SECRET_ARN", SECRET)))
                .hasMessageContaining("DB_URL");
    }

    @Test
    void pools_two_connections_unless_told_otherwise() {
        assertThat(from(Map.of("DB_URL", URL, "DB_SECRET_ARN", SECRET)).poolSize()).isEqualTo(2);
        assertThatThrownBy(() -> from(Map.of("DB_URL", URL, "DB_SECRET_ARN", SECRET, "DB_POOL_SIZE", "two")))
                .hasMessage("DB_POOL_SIZE must be a whole number");
    }

    @Test
    void keeps_a_given_password_out_of_its_text() {
        assertThat(new DatabaseCredentials.Given("postgres", "hunter2").toString()).doesNotContain("hunter2");
    }

    private static DatabaseSettings from(Map<String, String> variables) {
        return DatabaseSettings.from(name -> Optional.ofNullable(variables.get(name)));
    }
}
