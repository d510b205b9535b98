package dev.catalog.command.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.command.CommandApi;
import dev.catalog.domain.shared.IdSource;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.local.services.postgres.TestPostgres;
import dev.catalog.local.services.postgres.WriteModelRows;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The command functions' dependencies over a real PostgreSQL with the deployment's migrations ({@link TestPostgres}),
 * built once per test JVM as an execution environment builds them; and the write model as a test reads it back. Each
 * test works in a tenant of its own.
 */
public final class CommandFunctions {

    private static final PostgresConnection DATABASE = TestPostgres.migrated();
    private static final DataSource DATA_SOURCE = dataSource(DATABASE);
    public static final CommandApi API = new CommandApi(DATA_SOURCE, Clock.systemUTC(), IdSource.random());

    private static final String EVENTS = """
            select event_type || ' v' || aggregate_version from outbox where tenant_id = ? and aggregate_id = ? order by sequence
            """;

    private CommandFunctions() {
    }

    public static TenantId newTenant() {
        return new TenantId("test-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static Answer call(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function, SampleRequest request) {
        return Answer.of(function.handleRequest(request.event(), null));
    }

    /** Calls {@code function} as Lambda does when the invocation has {@code left} before its timeout. */
    public static Answer call(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function, SampleRequest request,
                              Duration left) {
        return Answer.of(function.handleRequest(request.event(), new TimedContext(left)));
    }

    /** A connection of its own, as another client of the database holds one. */
    public static Connection connection() throws SQLException {
        return DATA_SOURCE.getConnection();
    }

    /** The events the outbox holds for one aggregate, in log order, as {@code ProductCreated v1}. */
    public static List<String> events(TenantId tenant, String aggregateId) {
        return query(EVENTS, tenant.value(), aggregateId);
    }

    /** Every row of the tenant in every write model table, outbox and idempotency keys included. */
    public static List<String> writeModel(TenantId tenant) {
        return WriteModelRows.of(DATABASE, tenant.value());
    }

    /** The first column of each row {@code sql} selects. */
    public static List<String> query(String sql, Object... parameters) {
        try (Connection connection = DATA_SOURCE.getConnection(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** A pool on {@code database} as the functions build theirs, from the variables template.yaml gives them. */
    public static DataSource dataSource(PostgresConnection database) {
        Map<String, String> environment = Map.of("DB_URL", database.jdbcUrl(), "DB_USER", database.user(),
                "DB_PASSWORD", database.password(), "DB_POOL_SIZE", "4");
        return ConnectionPool.create(DatabaseSettings.from(name -> Optional.ofNullable(environment.get(name))), "command-api-test");
    }
}
