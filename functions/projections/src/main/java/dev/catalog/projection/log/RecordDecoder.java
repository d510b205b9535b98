package dev.catalog.projection.log;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.events.EventCodec;
import dev.catalog.platform.events.EventEnvelope;
import dev.catalog.platform.events.EventSchemas;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.events.UndecodableEventException;
import dev.catalog.platform.events.UnknownSchemaVersionException;
import dev.catalog.platform.json.Json;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Turns an outbox record into a domain event, a heartbeat, an event of a newer release, or poison with the reason why. The envelope comes from
 * the headers Debezium's outbox router sets from the outbox columns (JSON values: text quoted, numbers bare), and
 * must agree with the payload it describes.
 */
public final class RecordDecoder {

    static final String HEARTBEAT = "heartbeat";

    private RecordDecoder() {
    }

    public static Decoded decode(OutboxRecord record) {
        return decode(record, EventSchemas.CURRENT);
    }

    /** @param schemas the event schema versions this code reads */
    public static Decoded decode(OutboxRecord record, EventSchemas schemas) {
        try {
            String aggregateType = text(record, "aggregate_type");
            long sequence = number(record, "sequence");
            if (HEARTBEAT.equals(aggregateType)) {
                return new Decoded.Heartbeat(record, sequence, Instant.parse(text(record, "occurred_at")));
            }
            EventEnvelope envelope = new EventEnvelope(
                    UUID.fromString(text(record, "event_id")),
                    text(record, "event_type"),
                    (int) number(record, "schema_version"),
                    sequence,
                    new TenantId(text(record, "tenant_id")),
                    aggregateType,
                    text(record, "aggregate_id"),
                    number(record, "aggregate_version"),
                    Instant.parse(text(record, "occurred_at")),
                    optionalText(record, "correlation_id"));
            if (record.value() == null) {
                return new Decoded.Poison(record, "the record has no payload");
            }
            DomainEvent event = EventCodec.decode(schemas, envelope.eventType(), envelope.schemaVersion(), envelope.tenant(), record.value());
            String mismatch = mismatch(envelope, event);
            return mismatch == null ? new Decoded.Event(record, new LoggedEvent(envelope, event)) : new Decoded.Poison(record, mismatch);
        } catch (UnknownSchemaVersionException e) {
            return new Decoded.Newer(record, e.getMessage());
        } catch (UndecodableEventException e) {
            return new Decoded.Poison(record, e.getMessage());
        } catch (MalformedHeaderException | IllegalArgumentException | DateTimeParseException e) {
            return new Decoded.Poison(record, "malformed envelope: " + e.getMessage());
        }
    }

    /** The envelope and the payload must tell the same story, or the record was not written by our outbox. */
    private static String mismatch(EventEnvelope envelope, DomainEvent event) {
        if (!envelope.aggregateType().equals(event.aggregateType().wireName())) {
            return "envelope says aggregate type " + envelope.aggregateType() + ", payload is a " + event.aggregateType().wireName() + " event";
        }
        if (!envelope.aggregateId().equals(event.aggregateId())) {
            return "envelope says aggregate " + envelope.aggregateId() + ", payload is about " + event.aggregateId();
        }
        if (envelope.aggregateVersion() != event.aggregateVersion()) {
            return "envelope says version " + envelope.aggregateVersion() + ", payload has version " + event.aggregateVersion();
        }
        return null;
    }

    private static String text(OutboxRecord record, String header) {
        JsonNode value = header(record, header);
        if (!value.isTextual()) {
            throw new MalformedHeaderException(header + " is not text");
        }
        return value.textValue();
    }

    private static String optionalText(OutboxRecord record, String header) {
        String raw = record.headers().get(header);
        if (raw == null) {
            return null;
        }
        JsonNode value = header(record, header);
        return value.isNull() ? null : value.asText();
    }

    private static long number(OutboxRecord record, String header) {
        JsonNode value = header(record, header);
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new MalformedHeaderException(header + " is not a whole number");
        }
        return value.longValue();
    }

    private static JsonNode header(OutboxRecord record, String header) {
        String raw = record.headers().get(header);
        if (raw == null) {
            throw new MalformedHeaderException("header " + header + " is missing");
        }
        try {
            return Json.parse(raw);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedHeaderException("header " + header + " is not JSON");
        }
    }

    private static final class MalformedHeaderException extends RuntimeException {
        MalformedHeaderException(String message) {
            super(message, null, false, false);
        }
    }
}
