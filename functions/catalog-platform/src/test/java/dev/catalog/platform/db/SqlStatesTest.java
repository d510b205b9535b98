package dev.catalog.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlStatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"08006", "08001", "08003", "57P01", "57P02", "57P03", "53300"})
    void a_lost_connection_or_a_server_not_serving_is_the_database_being_unavailable(String sqlState) {
        SQLException failure = new SQLException("I/O error", sqlState);

        assertThat(SqlStates.databaseUnavailable(new DatabaseException("could not save", failure))).isTrue();
    }

    @Test
    void a_pool_without_a_connection_in_time_is_the_database_being_unavailable() {
        assertThat(SqlStates.databaseUnavailable(new IllegalStateException(
                new SQLTransientConnectionException("pool - Connection is not available")))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "40001", "57014", "42P01"})
    void a_refusal_a_conflict_or_a_timeout_is_not(String sqlState) {
        assertThat(SqlStates.databaseUnavailable(new DatabaseException("failed", new SQLException("no", sqlState)))).isFalse();
        assertThat(SqlStates.databaseUnavailable(new IllegalStateException("no SQL at all"))).isFalse();
    }
}
