package dev.catalog.platform.db;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL error conditions the code reacts to, by SQLSTATE and constraint name. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Class 08, connection exception: the connection failed or was lost (08006 on a server crash). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /**
     * The server is going away or not taking connections yet: admin shutdown (a fast stop), crash shutdown (another
     * backend crashed), cannot connect now (starting up, in recovery), too many connections.
     */
    private static final java.util.Set<String> SERVER_NOT_AVAILABLE = java.util.Set.of("57P01", "57P02", "57P03", "53300");

    private SqlStates() {
    }

    /**
     * True when {@code failure}, or a cause of it, says the database cannot be reached or is not serving right now,
     * rather than refusing what was asked: a pool that found no connection in time, a lost or refused connection,
     * a server shutting down or recovering. The same request may succeed once it is back; the transaction it was in
     * did not commit (PostgreSQL commits all of a transaction or nothing), except in the rare case of a connection
     * lost while the commit itself was under way, which an Idempotency-Key makes safe to retry.
     */
    public static boolean databaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_NOT_AVAILABLE.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code e} is a unique violation of the named constraint. */
    public static boolean violates(SQLException e, String sqlState, String constraint) {
        if (!sqlState.equals(e.getSQLState())) {
            return false;
        }
        ServerErrorMessage details = e instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        return details != null && constraint.equals(details.getConstraint());
    }
}
