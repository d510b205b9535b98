package dev.catalog.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import dev.catalog.platform.secrets.SecretsManagerSecrets;
import java.util.Properties;
import javax.sql.DataSource;

/** The HikariCP pool a function builds once per execution environment. */
public final class ConnectionPool {

    /**
     * Named, so connections come from the driver on the function's own class path rather than from the JVM-wide
     * DriverManager, which only knows drivers of the class loader that first used it (one JVM hosts every
     * function locally).
     */
    private static final String DRIVER = "org.postgresql.Driver";

    private ConnectionPool() {
    }

    public static DataSource create(DatabaseSettings settings, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        Properties connection = connectionProperties(name);
        switch (settings.credentials()) {
            case DatabaseCredentials.Given given -> {
                config.setJdbcUrl(settings.jdbcUrl());
                config.setDriverClassName(DRIVER);
                config.setUsername(given.user());
                config.setPassword(given.password());
                config.setDataSourceProperties(connection);
            }
            case DatabaseCredentials.FromSecret secret -> config.setDataSource(new SecretCredentialsDataSource(
                    new DriverDataSource(settings.jdbcUrl(), DRIVER, connection, null, null),
                    secret.secretArn(), new SecretsManagerSecrets()::usernamePassword));
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        // Connect lazily: a pool built during init (or before a SnapStart snapshot) holds no connection, and no
        // credentials, that a restored environment would find dead.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(5_000);
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    private static Properties connectionProperties(String name) {
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", name);
        properties.setProperty("tcpKeepAlive", "true");
        // Commands are short; a statement stuck on a lock for this long is better answered with an error.
        properties.setProperty("options", "-c statement_timeout=10000 -c lock_timeout=5000");
        return properties;
    }
}
