package dev.catalog.platform.events;

import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the log records around every event: the outbox row's columns, which Debezium carries as Kafka headers.
 *
 * @param sequence       the event's position in the global log
 * @param correlationId  the request that caused it, when known
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        long sequence,
        TenantId tenant,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        String correlationId) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
