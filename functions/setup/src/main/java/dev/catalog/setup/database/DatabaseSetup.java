package dev.catalog.setup.database;

import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.platform.secrets.UsernamePassword;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.core.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database side of a deploy, connected as the cluster's master user: the write model's migrations (the same
 * {@code db/migration} files the local stack applies), and what Debezium Server needs to read the outbox as a user
 * of its own: that user, its replication right, its grants, and the publication.
 *
 * <p>Debezium does not own the outbox, so it cannot create or alter a publication of it: the publication is made
 * here, by the owner, and Debezium is told not to manage it ({@code publication.autocreate.mode=disabled}).
 */
public final class DatabaseSetup {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSetup.class);
    /** What Debezium reads: debezium-server/application.properties' {@code table.include.list}. */
    static final String OUTBOX = "public.outbox";
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
     * Creates Debezium's user, or sets its password to the secret's current one, and grants it what it needs:
     * replication (Aurora's {@code rds_replication} role, or the REPLICATION attribute elsewhere), reading the outbox
     * (snapshots), appending to it (heartbeats), and a table of its own for offsets.
     */
    public void prepareDebezium(UsernamePassword user, String publication) {
        String role = identifier(user.username());
        String publicationName = identifier(publication);
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
            String password = "'" + Utils.escapeLiteral(null, user.password(), true) + "'";
            sql.execute((exists(connection, "select 1 from pg_roles where rolname = ?", user.username())
                    ? "alter role " : "create role ") + role + " login password " + password);
            if (exists(connection, "select 1 from pg_roles where rolname = ?", "rds_replication")) {
                sql.execute("grant rds_replication to " + role);
            } else {
                sql.execute("alter role " + role + " replication");
            }
            sql.execute("grant select, insert on " + OUTBOX + " to " + role);
            sql.execute("grant usage, create on schema public to " + role);
            if (!exists(connection, "select 1 from pg_publication where pubname = ?", publication)) {
                sql.execute("create publication " + publicationName + " for table " + OUTBOX);
                log.info("publication {} created for {}", publication, OUTBOX);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the database for Debezium user " + user.username() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Gives a side's role (created without login by the migrations) its login and its secret's current password.
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

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
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
