package dev.catalog.setup.database;

import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.platform.secrets.UsernamePassword;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.core.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of a deploy, connected as the cluster's master user: the migrations (the same
 * {@code db/migration} files the local stack applies), which also create every role with its grants and Debezium's
 * publication ({@code R__database_roles.sql}), then each role's login with its secret's password.
 */
public final class DatabaseSetup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource database;

    public DatabaseSetup(DataSource database) {
        this.database = database;
    }

    /** @return how many migrations ran */
    public int migrate() {
        int executed = Flyway.configure()
                .dataSource(database)
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
        log.info("{} migration(s) applied", executed);
        return executed;
    }

    /**
     * Gives a role (created without login by the migrations) its login and its secret's current password.
     * The secret's username must be the role: a secret naming another user would hand its password to nobody.
     */
    public void enableLogin(DatabaseRole role, UsernamePassword user) {
        if (!role.roleName().equals(user.username())) {
            throw new IllegalArgumentException("the secret of database role " + role.roleName() + " names user "
                    + user.username());
        }
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("alter role " + identifier(role.roleName()) + " login password '"
                    + Utils.escapeLiteral(null, user.password(), true) + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot give database role " + role.roleName() + " its login: "
                    + e.getMessage(), e);
        }
    }

    /** A name spliced into DDL (which takes no parameters): only plain lower-case identifiers, quoted. */
    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain PostgreSQL identifier: " + name);
        }
        return '"' + name + '"';
    }
}
