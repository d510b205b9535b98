package dev.catalog.platform.events;

import dev.catalog.domain.shared.DomainEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.UUID;

/**
 * The one writer of outbox rows, for the command functions (a command's events, in its transaction: published if
 * and only if the change they describe commits) and for the benchmarks that write event logs directly. The table's
 * columns and the event's wire form are known here and in {@link EventCodec} only. Rows go to PostgreSQL in one
 * JDBC batch per {@link #flush()}; the caller owns the connection and its transaction.
 */
public final class OutboxWriter implements AutoCloseable {

    private static final String INSERT = """
            insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_key,
                                event_type, schema_version, occurred_at, correlation_id, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            """;

    private final PreparedStatement insert;
    private int pending;

    public OutboxWriter(Connection connection) throws SQLException {
        this.insert = connection.prepareStatement(INSERT);
    }

    /** Adds a domain event in its wire form. */
    public void add(UUID eventId, DomainEvent event, String correlationId) throws SQLException {
        EncodedEvent encoded = EventCodec.encode(event);
        add(new OutboxRow(eventId, event.tenant().value(), event.aggregateType().wireName(), event.aggregateId(),
                event.aggregateVersion(), encoded.eventType(), encoded.schemaVersion(), event.occurredAt(), correlationId,
                encoded.payload()));
    }

    public void add(OutboxRow row) throws SQLException {
        insert.setObject(1, row.eventId());
        insert.setString(2, row.tenantId());
        insert.setString(3, row.aggregateType());
        insert.setString(4, row.aggregateId());
        insert.setLong(5, row.aggregateVersion());
        insert.setString(6, row.eventKey());
        insert.setString(7, row.eventType());
        insert.setInt(8, row.schemaVersion());
        insert.setTimestamp(9, Timestamp.from(row.occurredAt()));
        if (row.correlationId() == null) {
            insert.setNull(10, Types.VARCHAR);
        } else {
            insert.setString(10, row.correlationId());
        }
        insert.setString(11, row.payload());
        insert.addBatch();
        pending++;
    }

    /** Rows added since the last flush. */
    public int pending() {
        return pending;
    }

    /** Sends the rows added since the last flush; returns how many. */
    public int flush() throws SQLException {
        if (pending == 0) {
            return 0;
        }
        insert.executeBatch();
        int sent = pending;
        pending = 0;
        return sent;
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
