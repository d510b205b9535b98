package dev.catalog.platform.db;

import dev.catalog.platform.secrets.UsernamePassword;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens connections as the user a Secrets Manager secret names. The secret is read when the first connection is
 * opened and kept for the execution environment; when the server refuses the kept credentials (the secret was
 * rotated since), it is read again and the connection tried once more, the way AWS's own Secrets Manager JDBC
 * wrapper behaves.
 */
final class SecretCredentialsDataSource implements DataSource {

    /** invalid_password and invalid_authorization_specification: PostgreSQL's answers to wrong credentials. */
    private static final Set<String> REFUSED = Set.of("28P01", "28000");

    private final DataSource driver;
    private final String secretId;
    private final Function<String, UsernamePassword> secrets;
    private UsernamePassword current;

    /**
     * @param driver  opens connections for a user and password
     * @param secrets reads a secret by id
     */
    SecretCredentialsDataSource(DataSource driver, String secretId, Function<String, UsernamePassword> secrets) {
        this.driver = driver;
        this.secretId = secretId;
        this.secrets = secrets;
    }

    @Override
    public Connection getConnection() throws SQLException {
        UsernamePassword credentials = credentials(null);
        try {
            return driver.getConnection(credentials.username(), credentials.password());
        } catch (SQLException refused) {
            if (!REFUSED.contains(refused.getSQLState())) {
                throw refused;
            }
            UsernamePassword fresh = credentials(credentials);
            try {
                return driver.getConnection(fresh.username(), fresh.password());
            } catch (SQLException again) {
                again.addSuppressed(refused);
                throw again;
            }
        }
    }

    /** The kept credentials, read from the secret first if there are none or they are {@code stale}. */
    private synchronized UsernamePassword credentials(UsernamePassword stale) throws SQLException {
        // Another connection may have refreshed them meanwhile: read the secret once per rotation, not per caller.
        if (current == null || current.equals(stale)) {
            try {
                current = secrets.apply(secretId);
            } catch (RuntimeException e) {
                throw new SQLException("cannot read the database credentials from secret " + secretId + ": " + e.getMessage(),
                        "08001", e);
            }
        }
        return current;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return driver.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return driver.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        driver.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        driver.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return driver.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return driver.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return driver.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || driver.isWrapperFor(type);
    }
}
