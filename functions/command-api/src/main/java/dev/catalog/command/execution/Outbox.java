package dev.catalog.command.execution;

import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.IdSource;
import dev.catalog.platform.events.EncodedEvent;
import dev.catalog.platform.events.EventCodec;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Appends events to the outbox, in the command's own transaction: they are published if and only if the change
 * they describe commits. The global sequence and the writing transaction's id are assigned by PostgreSQL.
 */
final class Outbox {

    private static final String APPEND = """
            insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_key,
                                event_type, schema_version, occurred_at, correlation_id, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
            """;

    private final IdSource ids;

    Outbox(IdSource ids) {
        this.ids = ids;
    }

    void append(Transaction transaction, String correlationId, List<? extends DomainEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = transaction.connection().prepareStatement(APPEND)) {
            for (DomainEvent event : events) {
                EncodedEvent encoded = EventCodec.encode(event);
                String tenant = event.tenant().value();
                insert.setObject(1, ids.newId());
                insert.setString(2, tenant);
                insert.setString(3, event.aggregateType().wireName());
                insert.setString(4, event.aggregateId());
                insert.setLong(5, event.aggregateVersion());
                insert.setString(6, tenant + ":" + event.aggregateId());
                insert.setString(7, encoded.eventType());
                insert.setInt(8, encoded.schemaVersion());
                insert.setTimestamp(9, Timestamp.from(event.occurredAt()));
                if (correlationId == null) {
                    insert.setNull(10, Types.VARCHAR);
                } else {
                    insert.setString(10, correlationId);
                }
                insert.setString(11, encoded.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
