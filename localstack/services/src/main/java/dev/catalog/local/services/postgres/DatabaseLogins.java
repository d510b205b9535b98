package dev.catalog.local.services.postgres;

import dev.catalog.infra.db.DatabaseRole;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;

/**
 * Gives each side's database role (created without login by R__database_roles.sql) its login, as the setup step
 * does in AWS from the roles' secrets, and says how to connect as each. Locally loopback connections are trusted,
 * so the password is never checked: the role is what limits a function, exactly as in AWS.
 */
public final class DatabaseLogins {

    private DatabaseLogins() {
    }

    /** @param admin the database's owner, after the migrations */
    public static Map<DatabaseRole, PostgresConnection> enable(PostgresConnection admin) {
        Map<DatabaseRole, PostgresConnection> logins = new EnumMap<>(DatabaseRole.class);
        try (Connection connection = admin.open(); Statement sql = connection.createStatement()) {
            for (DatabaseRole role : DatabaseRole.values()) {
                // Role names are the enum's constants: plain identifiers, nothing from outside.
                sql.execute("alter role " + role.roleName() + " login password '" + role.roleName() + "'");
                logins.put(role, new PostgresConnection(admin.host(), admin.port(), admin.database(), role.roleName(),
                        role.roleName()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give the database roles their login: " + e.getMessage(), e);
        }
        return logins;
    }
}
