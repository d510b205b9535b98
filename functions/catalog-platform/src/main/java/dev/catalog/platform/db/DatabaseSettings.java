package dev.catalog.platform.db;

import dev.catalog.platform.config.Environment;
import java.util.Objects;

/**
 * How a function reaches PostgreSQL.
 *
 * @param poolSize connections per execution environment: Lambda hands an environment one request at a time,
 *                 so a couple suffice there; the local runtime serves concurrent requests from one environment
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int poolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (poolSize < 1) {
            throw new IllegalArgumentException("DB_POOL_SIZE must be at least 1");
        }
    }

    /** From {@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD} and the optional {@code DB_POOL_SIZE} (default 2). */
    public static DatabaseSettings fromEnvironment() {
        int poolSize;
        try {
            poolSize = Environment.optional("DB_POOL_SIZE").map(Integer::parseInt).orElse(2);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("DB_POOL_SIZE must be a whole number", e);
        }
        return new DatabaseSettings(Environment.required("DB_URL"), Environment.required("DB_USER"),
                Environment.required("DB_PASSWORD"), poolSize);
    }
}
