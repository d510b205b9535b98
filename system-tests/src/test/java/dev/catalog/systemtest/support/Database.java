package dev.catalog.systemtest.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.services.postgres.PostgresConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the stack's database directly, to check what commands and projections wrote. */
public final class Database {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PostgresConnection connection;

    Database(PostgresConnection connection) {
        this.connection = connection;
    }

    /** The first column of the first row as a number (0 when null): counts, sums, versions. */
    public long count(String sql, Object... parameters) {
        Object value = row(sql, parameters).values().iterator().next();
        return value == null ? 0 : ((Number) value).longValue();
    }

    public String text(String sql, Object... parameters) {
        Object value = row(sql, parameters).values().iterator().next();
        return value == null ? null : value.toString();
    }

    public List<String> texts(String sql, Object... parameters) {
        return rows(sql, parameters).stream().map(row -> String.valueOf(row.values().iterator().next())).toList();
    }

    public JsonNode json(String sql, Object... parameters) {
        try {
            return JSON.readTree(text(sql, parameters));
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON", e);
        }
    }

    /** The only row the query returns, column label to value. */
    public Map<String, Object> row(String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row, got " + rows.size() + " from: " + sql);
        }
        return rows.getFirst();
    }

    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection c = connection.open(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row.put(meta.getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql, e);
        }
    }

    public void execute(String sql, Object... parameters) {
        try (Connection c = connection.open(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new AssertionError("statement failed: " + sql, e);
        }
    }

    public PostgresConnection connection() {
        return connection;
    }
}
