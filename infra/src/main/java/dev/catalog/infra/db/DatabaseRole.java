package dev.catalog.infra.db;

/**
 * The database roles of the functions, one per side, created (without login) and granted by the repeatable
 * migration {@code R__database_roles.sql}. Where the functions run, each role gets its login and password: in AWS
 * the setup step from the role's secret (the template's {@link #secret()}, whose username is the role), locally
 * the runtime. The rebuild and setup functions keep the master user's credentials: they create and drop read
 * schemas and repoint the readers' views, which only their owner may do.
 */
public enum DatabaseRole {

    /** The command functions: the write model, and appending to the outbox. */
    COMMAND("catalog_command", "CommandDatabaseSecret"),
    /** The query functions: the views in {@code catalog_read}, read only. */
    QUERY("catalog_query", "QueryDatabaseSecret"),
    /** The projections: the read schemas, their progress, and reading which versions are active. */
    PROJECTION("catalog_projection", "ProjectionDatabaseSecret");

    private final String roleName;
    private final String secret;

    DatabaseRole(String roleName, String secret) {
        this.roleName = roleName;
        this.secret = secret;
    }

    public String roleName() {
        return roleName;
    }

    /** The logical id of the template's secret with this role's credentials. */
    public String secret() {
        return secret;
    }
}
