package dev.catalog.local.services.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A logical replication slot of the database and how far its consumer lags. A slot pins every byte of WAL
 * after its confirmed position, so a lag that only grows means a consumer that is gone or stuck, and a disk
 * that will fill.
 *
 * @param active   whether a consumer is connected to it now
 * @param lagBytes WAL written since the position the consumer last confirmed
 */
public record ReplicationSlot(String name, boolean active, long lagBytes) {

    private static final String QUERY = """
            select slot_name, active, pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::bigint
              from pg_replication_slots
             where slot_type = 'logical' and database = current_database()
             order by slot_name""";

    /** The logical slots of the database {@code database} points at. */
    public static List<ReplicationSlot> all(PostgresConnection database) {
        try (Connection connection = database.open();
             PreparedStatement statement = connection.prepareStatement(QUERY);
             ResultSet rows = statement.executeQuery()) {
            List<ReplicationSlot> slots = new ArrayList<>();
            while (rows.next()) {
                slots.add(new ReplicationSlot(rows.getString(1), rows.getBoolean(2), rows.getLong(3)));
            }
            return slots;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the replication slots of " + database.jdbcUrl(), e);
        }
    }
}
