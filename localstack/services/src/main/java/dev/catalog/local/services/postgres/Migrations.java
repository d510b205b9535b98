package dev.catalog.local.services.postgres;

import org.flywaydb.core.Flyway;

/**
 * Applies the write model's migrations, {@code db/migration} from catalog-infra: the very files the AWS
 * migration step applies, so the local schema cannot drift from the deployed one.
 */
public final class Migrations {

    private Migrations() {
    }

    /** Brings {@code database} to the latest version; returns how many migrations ran. */
    public static int apply(PostgresConnection database) {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations("classpath:db/migration")
                .load()
                .migrate()
                .migrationsExecuted;
    }
}
