package dev.catalog.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A transaction on a connection, written once: begun at the isolation level asked, committed or rolled back, and the
 * connection handed back in autocommit. A failure rolls back and is rethrown as it was; a rollback that fails too is
 * added to it as suppressed rather than hiding it.
 *
 * <p>The connections come from HikariCP, which also resets autocommit when one goes back to the pool; it is set back
 * here all the same, because the functions' tests hand out plain connections.
 */
public final class Transactions {

    /** The isolation level of one transaction. */
    public enum Isolation {
        READ_COMMITTED("read committed"),
        REPEATABLE_READ("repeatable read"),
        SERIALIZABLE("serializable");

        private final String sql;

        Isolation(String sql) {
            this.sql = sql;
        }
    }

    /** What runs in the transaction, on the connection it was begun on. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection transaction) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction at the connection's own level, READ COMMITTED (PostgreSQL's default, which
     * nothing here changes; no statement is sent for it), and commits it.
     */
    public static <T> T commit(Connection connection, Work<T> work) throws SQLException {
        return run(connection, null, work, result -> true);
    }

    /** Runs {@code work} in one transaction at {@code isolation} and commits it. */
    public static <T> T commit(Connection connection, Isolation isolation, Work<T> work) throws SQLException {
        return run(connection, Objects.requireNonNull(isolation, "isolation"), work, result -> true);
    }

    /**
     * Runs {@code work} in one transaction at the connection's own level, like {@link #commit(Connection, Work)}, and
     * commits it when {@code keep} accepts what it answered, rolls it back otherwise; answers it either way.
     */
    public static <T> T commitIf(Connection connection, Predicate<? super T> keep, Work<T> work) throws SQLException {
        return run(connection, null, work, Objects.requireNonNull(keep, "keep"));
    }

    /**
     * Runs {@code work} in one REPEATABLE READ transaction, so that every statement in it sees the database as of the
     * same instant, and always rolls it back: it reads, and whatever it wrote is undone.
     */
    public static <T> T snapshot(Connection connection, Work<T> work) throws SQLException {
        return run(connection, Isolation.REPEATABLE_READ, work, result -> false);
    }

    private static <T> T run(Connection connection, Isolation isolation, Work<T> work, Predicate<? super T> keep)
            throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            if (isolation != null) {
                // For this transaction only: the driver sends it with the BEGIN, in one round trip, and the connection
                // keeps its own level, so nothing has to be set back afterwards (setTransactionIsolation would change
                // the session's level, a round trip to set it and another to restore it).
                try (Statement level = connection.createStatement()) {
                    level.execute("set transaction isolation level " + isolation.sql);
                }
            }
            result = work.run(connection);
            if (keep.test(result)) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (Throwable failure) {
            rollBackAfter(failure, connection);
            throw failure;
        }
        connection.setAutoCommit(true);
        return result;
    }

    private static void rollBackAfter(Throwable failure, Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException rollbackFailure) {
            // Left out of autocommit: switching it back on commits a transaction still open (JDBC says so, and
            // the driver does), and this one could not be rolled back. Closing the connection ends it: the pool
            // rolls back or discards the connection, and the server rolls back what a closed session left open.
            failure.addSuppressed(rollbackFailure);
            return;
        }
        try {
            connection.setAutoCommit(true);
        } catch (SQLException | RuntimeException autoCommitFailure) {
            failure.addSuppressed(autoCommitFailure);
        }
    }
}
