package dev.catalog.local.services.debezium;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** An outbox row as the command side writes it (see V1__write_model.sql), for tests to insert. */
record OutboxEvent(UUID eventId, String tenantId, String aggregateType, String aggregateId, long aggregateVersion,
                   String eventType, int schemaVersion, Instant occurredAt, String correlationId, String payload) {

    private static final String INSERT = """
            insert into outbox (event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_key,
                                event_type, schema_version, occurred_at, correlation_id, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    static OutboxEvent anEvent(String tenantId, String aggregateType) {
        return new OutboxEvent(UUID.randomUUID(), tenantId, aggregateType, UUID.randomUUID().toString(), 1,
                "Created", 1, Instant.now().truncatedTo(ChronoUnit.MICROS), UUID.randomUUID().toString(), "{}");
    }

    OutboxEvent withPayload(String json) {
        return new OutboxEvent(eventId, tenantId, aggregateType, aggregateId, aggregateVersion, eventType, schemaVersion,
                occurredAt, correlationId, json);
    }

    OutboxEvent withoutCorrelationId() {
        return new OutboxEvent(eventId, tenantId, aggregateType, aggregateId, aggregateVersion, eventType, schemaVersion,
                occurredAt, null, payload);
    }

    /** The same aggregate's next event. */
    OutboxEvent next(String type, String json) {
        return new OutboxEvent(UUID.randomUUID(), tenantId, aggregateType, aggregateId, aggregateVersion + 1, type,
                schemaVersion, Instant.now().truncatedTo(ChronoUnit.MICROS), UUID.randomUUID().toString(), json);
    }

    String eventKey() {
        return tenantId + ":" + aggregateId;
    }

    /** Inserts {@code events} in one transaction. */
    static void insert(Connection connection, OutboxEvent... events) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxEvent event : events) {
                insert.setObject(1, event.eventId);
                insert.setString(2, event.tenantId);
                insert.setString(3, event.aggregateType);
                insert.setString(4, event.aggregateId);
                insert.setLong(5, event.aggregateVersion);
                insert.setString(6, event.eventKey());
                insert.setString(7, event.eventType);
                insert.setInt(8, event.schemaVersion);
                insert.setTimestamp(9, Timestamp.from(event.occurredAt));
                insert.setString(10, event.correlationId);
                insert.setString(11, event.payload);
                insert.addBatch();
            }
            insert.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
