package dev.catalog.platform.db;

import dev.catalog.platform.config.Environment;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a function reaches PostgreSQL.
 *
 * @param poolSize connections per execution environment: Lambda hands an environment one request at a time,
 *                 so a couple suffice there; the local runtime serves concurrent requests from one environment
 */
public record DatabaseSettings(String jdbcUrl, DatabaseCredentials credentials, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(credentials, "credentials");
        if (poolSize < 1) {
            throw new IllegalArgumentException("DB_POOL_SIZE must be at least 1");
        }
    }

    /**
     * From {@code DB_URL}, the credentials, and the optional {@code DB_POOL_SIZE} (default 2). The credentials are
     * either a secret, {@code DB_SECRET_ARN} (in AWS), or {@code DB_USER} and {@code DB_PASSWORD} (locally).
     */
    public static DatabaseSettings fromEnvironment() {
        return from(Environment::optional);
    }

    /** From variables looked up by name; a missing, conflicting or malformed one fails with a message naming it. */
    public static DatabaseSettings from(Function<String, Optional<String>> variables) {
        int poolSize;
        try {
            poolSize = variables.apply("DB_POOL_SIZE").map(String::strip).map(Integer::parseInt).orElse(2);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("DB_POOL_SIZE must be a whole number", e);
        }
        String url = variables.apply("DB_URL").orElseThrow(() -> new Environment.MissingConfigurationException("DB_URL"));
        return new DatabaseSettings(url, credentials(variables), poolSize);
    }

    private static DatabaseCredentials credentials(Function<String, Optional<String>> variables) {
        Optional<String> secretArn = variables.apply("DB_SECRET_ARN");
        Optional<String> user = variables.apply("DB_USER");
        Optional<String> password = variables.apply("DB_PASSWORD");
        if (secretArn.isPresent()) {
            // Two sources of truth would leave it to chance which one a connection used.
            if (user.isPresent() || password.isPresent()) {
                throw new IllegalStateException("set either DB_SECRET_ARN or DB_USER and DB_PASSWORD, not both");
            }
            return new DatabaseCredentials.FromSecret(secretArn.get());
        }
        return new DatabaseCredentials.Given(
                user.orElseThrow(() -> new Environment.MissingConfigurationException("DB_USER")),
                password.orElseThrow(() -> new Environment.MissingConfigurationException("DB_PASSWORD")));
    }
}
