package dev.catalog.local.services.postgres;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.TestStackLayout;

/**
 * The write model on a real PostgreSQL for a module's fast tests: one server per test JVM, started on first use on
 * a free port in a {@link TestStackLayout} of its own, migrated with the deployment's migrations, and stopped when
 * the JVM exits. Tests share it, so each one works in a tenant of its own instead of cleaning up.
 */
public final class TestPostgres {

    private static PostgresConnection database;

    private TestPostgres() {
    }

    public static synchronized PostgresConnection migrated() {
        if (database == null) {
            PostgresServer server = PostgresServer.start(TestStackLayout.create("postgres"), FreePorts.next(),
                    PostgresServer.ExistingData.WIPE);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-test-postgres"));
            Migrations.apply(server.connection());
            database = server.connection();
        }
        return database;
    }
}
