package dev.catalog.query;

import dev.catalog.platform.config.Environment;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import javax.sql.DataSource;

/** The read side's connection to the PostgreSQL read model, built once per execution environment. */
public final class QueryApi {

    private QueryApi() {
    }

    public static DataSource readModel() {
        return Holder.READ_MODEL;
    }

    private static final class Holder {
        private static final DataSource READ_MODEL = ConnectionPool.create(DatabaseSettings.fromEnvironment(),
                Environment.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("query-api"));
    }
}
