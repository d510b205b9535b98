package dev.catalog.local.services.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row one tenant has in the write model, each table's rows as JSON text in a stable order: what tests compare
 * before and after a command to show it changed nothing. Row counts would miss an update in place.
 */
public final class WriteModelRows {

    /** Every table that holds a tenant's data: the aggregates, the outbox and the idempotency keys. */
    private static final List<String> TABLES = List.of("category", "product", "inventory", "stock_level", "outbox", "idempotency_key");
    private static final String SELECT = "select '%1$s ' || to_jsonb(t)::text from %1$s t where tenant_id = ?";

    private WriteModelRows() {
    }

    public static List<String> of(PostgresConnection database, String tenant) {
        String sql = String.join("\nunion all ", TABLES.stream().map(table -> SELECT.formatted(table)).toList()) + "\norder by 1";
        try (Connection connection = database.open(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 1; i <= TABLES.size(); i++) {
                select.setString(i, tenant);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the write model of tenant " + tenant, e);
        }
    }
}
