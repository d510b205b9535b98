package dev.catalog.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the outbox as its writer gives it: the envelope and the payload. PostgreSQL adds the global sequence
 * and the writing transaction's id; the Kafka key is derived from the tenant and the aggregate id.
 *
 * @param tenantId      a tenant id, or {@code *} for rows of no tenant (heartbeats)
 * @param correlationId the request that caused it; null when there is none
 */
public record OutboxRow(
        UUID eventId,
        String tenantId,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String correlationId,
        String payload) {

    public OutboxRow {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }

    /** The Kafka record key: one aggregate, one partition, so its events stay in order. */
    public String eventKey() {
        return tenantId + ":" + aggregateId;
    }
}
