package dev.catalog.platform.db;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL error conditions the code reacts to, by SQLSTATE and constraint name. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";

    private SqlStates() {
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
