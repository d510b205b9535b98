package dev.catalog.local.services.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * How to reach one database: what callers pass on (to functions, to Debezium Server) and use in tests.
 *
 * @param password ignored by the local server (it trusts loopback connections), kept so callers configure
 *                 every client the way they must in AWS
 */
public record PostgresConnection(String host, int port, String database, String user, String password) {

    public PostgresConnection {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user, password);
    }

    public PostgresConnection withDatabase(String otherDatabase) {
        return new PostgresConnection(host, port, otherDatabase, user, password);
    }
}
