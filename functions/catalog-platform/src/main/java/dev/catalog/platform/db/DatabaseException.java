package dev.catalog.platform.db;

import java.sql.SQLException;

/** A database call failed for a reason the caller cannot act on (the connection, a bug): it fails the request. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String message, SQLException cause) {
        super(message, cause);
    }
}
