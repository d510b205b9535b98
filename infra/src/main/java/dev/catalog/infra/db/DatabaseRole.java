package dev.catalog.infra.db;

/**
 * The database roles of the functions and of Debezium Server, one per side, created (without login) and granted by
 * the repeatable migration {@code R__database_roles.sql}. Where they run, each role gets its login and password: in
 * AWS the setup step from the role's secret (the template's {@link #secret()}, whose username is the role), locally
 * the runtime. Only the setup step keeps the master user's credentials: it runs the migrations, which own everything.
 */
public enum DatabaseRole {

    /** The command functions: the write model, and appending to the outbox. */
    COMMAND("catalog_command", "CommandDatabaseSecret"),
    /** The query functions: the views in {@code catalog_read}, read only. */
    QUERY("catalog_query", "QueryDatabaseSecret"),
    /** The projections: the read schemas, their progress, and reading which versions are active. */
    PROJECTION("catalog_projection", "ProjectionDatabaseSecret"),
    /**
     * The rebuild and rollback functions: the event log and the write model read only, the ledger of versions, the
     * read schemas' tables, and creating, repointing and dropping read schemas through the owner's functions.
     */
    REBUILD("catalog_rebuild", "RebuildDatabaseSecret"),
    /** Debezium Server: replication, the outbox it captures (and appends heartbeats to), and its stored offsets. */
    DEBEZIUM("catalog_debezium", "DebeziumDatabaseSecret");

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
