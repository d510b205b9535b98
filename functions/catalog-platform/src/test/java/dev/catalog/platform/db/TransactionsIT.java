package dev.catalog.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.TestStackLayout;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.platform.db.Transactions.Isolation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Against a real PostgreSQL, on plain connections (no pool to reset them): what each kind of transaction leaves in
 * the database, and the connection it hands back. Each test writes rows under keys of its own.
 */
class TransactionsIT {

    private static PostgresServer server;

    private final String key = UUID.randomUUID().toString();

    @BeforeAll
    static void startPostgres() throws SQLException {
        server = PostgresServer.start(TestStackLayout.create("postgres"), FreePorts.next(), PostgresServer.ExistingData.WIPE);
        try (Connection connection = open(); Statement ddl = connection.createStatement()) {
            ddl.execute("create table written (key text primary key)");
        }
    }

    @AfterAll
    static void stopPostgres() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void commits_what_the_work_wrote() throws SQLException {
        try (Connection connection = open()) {
            int rows = Transactions.commit(connection, transaction -> insert(transaction, key));

            assertThat(rows).isOne();
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(written(key)).isTrue();
    }

    static Stream<Exception> failures() {
        return Stream.of(new IllegalStateException("the work gave up"), new SQLException("refused by a check of the caller's", "P0001"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void rolls_back_and_rethrows_what_the_work_threw(Exception thrown) throws SQLException {
        try (Connection connection = open()) {
            Throwable failure = catchThrowable(() -> Transactions.commit(connection, transaction -> {
                insert(transaction, key);
                if (thrown instanceof SQLException refused) {
                    throw refused;
                }
                throw (RuntimeException) thrown;
            }));

            assertThat(failure).isSameAs(thrown).hasNoSuppressedExceptions();
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(written(key)).isFalse();
    }

    @Test
    void rethrows_what_the_database_refused_and_leaves_the_connection_usable() throws SQLException {
        try (Connection connection = open()) {
            Throwable failure = catchThrowable(() -> Transactions.commit(connection, transaction -> {
                insert(transaction, key);
                return query(transaction, "select (1 / 0)::text");
            }));

            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("22012");
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(query(connection, "select 'still usable'")).isEqualTo("still usable");
        }
        assertThat(written(key)).isFalse();
    }

    @Test
    void keeps_the_failure_and_adds_the_failed_rollback_to_it() throws SQLException {
        SQLException lost = new SQLException("connection lost", "08006");
        try (Connection connection = open()) {
            Throwable failure = catchThrowable(() -> Transactions.commit(connection, transaction -> {
                insert(transaction, key);
                // As when a deadline gives up on the database: the connection is gone, so is its rollback.
                transaction.close();
                throw lost;
            }));

            assertThat(failure).isSameAs(lost);
            assertThat(failure.getSuppressed()).singleElement().isInstanceOf(SQLException.class);
        }
        assertThat(written(key)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void commits_or_rolls_back_as_the_work_decided_and_answers_either_way(boolean keep) throws SQLException {
        try (Connection connection = open()) {
            boolean answer = Transactions.commitIf(connection, Boolean::booleanValue, transaction -> {
                insert(transaction, key);
                return keep;
            });

            assertThat(answer).isEqualTo(keep);
            assertThat(connection.getAutoCommit()).isTrue();
        }
        assertThat(written(key)).isEqualTo(keep);
    }

    @ParameterizedTest
    @EnumSource(Isolation.class)
    void runs_at_the_level_asked_and_hands_the_connection_back_at_its_own(Isolation asked) throws SQLException {
        // The connection's own level is another one, so the level seen inside can only be the one asked.
        Isolation own = asked == Isolation.SERIALIZABLE ? Isolation.READ_COMMITTED : Isolation.SERIALIZABLE;
        try (Connection connection = open()) {
            execute(connection, "set session characteristics as transaction isolation level " + sql(own));

            String inside = Transactions.commit(connection, asked, transaction -> query(transaction, "show transaction_isolation"));

            assertThat(inside).isEqualTo(sql(asked));
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(query(connection, "show transaction_isolation")).isEqualTo(sql(own));
        }
    }

    @Test
    void runs_at_the_connections_own_level_when_none_is_asked() throws SQLException {
        try (Connection connection = open()) {
            String byDefault = Transactions.commit(connection, transaction -> query(transaction, "show transaction_isolation"));
            execute(connection, "set session characteristics as transaction isolation level serializable");
            String afterTheSessionChangedIt = Transactions.commit(connection,
                    transaction -> query(transaction, "show transaction_isolation"));

            assertThat(byDefault).isEqualTo("read committed");
            assertThat(afterTheSessionChangedIt).isEqualTo("serializable");
        }
    }

    @Test
    void a_snapshot_reads_one_instant_and_always_rolls_back() throws SQLException {
        String committedMeanwhile = UUID.randomUUID().toString();
        try (Connection connection = open()) {
            boolean seenMeanwhile = Transactions.snapshot(connection, snapshot -> {
                assertThat(query(snapshot, "show transaction_isolation")).isEqualTo("repeatable read");
                assertThat(written(snapshot, committedMeanwhile)).isFalse();
                try (Connection other = open()) {
                    insert(other, committedMeanwhile);
                }
                insert(snapshot, key);
                return written(snapshot, committedMeanwhile);
            });

            assertThat(seenMeanwhile).isFalse();
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(query(connection, "show transaction_isolation")).isEqualTo("read committed");
        }
        assertThat(written(committedMeanwhile)).isTrue();
        assertThat(written(key)).isFalse();
    }

    private static Connection open() throws SQLException {
        return server.connection().open();
    }

    private static int insert(Connection connection, String key) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into written (key) values (?)")) {
            insert.setString(1, key);
            return insert.executeUpdate();
        }
    }

    /** Whether {@code key} is committed, as a connection of its own sees it. */
    private static boolean written(String key) throws SQLException {
        try (Connection connection = open()) {
            return written(connection, key);
        }
    }

    private static boolean written(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select 1 from written where key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static String query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String sql(Isolation level) {
        return level.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
