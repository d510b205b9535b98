package dev.catalog.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/** The HikariCP pool a function builds once per execution environment. */
public final class ConnectionPool {

    private ConnectionPool() {
    }

    public static DataSource create(DatabaseSettings settings, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.jdbcUrl());
        // Named, so the pool loads the driver from the function's own class path rather than asking the JVM-wide
        // DriverManager, which only knows drivers of the class loader that first used it (one JVM hosts every
        // function locally).
        config.setDriverClassName("org.postgresql.Driver");
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        // Connect lazily: a pool built during init (or before a SnapStart snapshot) holds no connection that
        // a restored environment would find dead.
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(5_000);
        config.setAutoCommit(true);
        config.addDataSourceProperty("ApplicationName", name);
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // Commands are short; a statement stuck on a lock for this long is better answered with an error.
        config.addDataSourceProperty("options", "-c statement_timeout=10000 -c lock_timeout=5000");
        return new HikariDataSource(config);
    }
}
