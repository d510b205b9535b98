package dev.catalog.rebuild;

import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.events.EventCodec;
import dev.catalog.platform.events.EventEnvelope;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.events.UndecodableEventException;
import dev.catalog.platform.events.UnknownSchemaVersionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The outbox read as the event log: pages of domain events in sequence order, and the high-water mark. */
final class EventLog {

    private static final Logger log = LoggerFactory.getLogger(EventLog.class);
    private static final String PAGE = """
            select sequence, event_id, tenant_id, aggregate_type, aggregate_id, aggregate_version, event_type,
                   schema_version, occurred_at, correlation_id, payload::text
              from outbox
             where sequence > ? and sequence <= ? and aggregate_type in ('product', 'category', 'inventory')
             order by sequence
             limit ?
            """;

    /**
     * @param reachedSequence the sequence this page covers up to: its last event's, or the upper bound when the page
     *                        is not full (nothing more was committed below it when it was read)
     * @param skipped         events that cannot be decoded; the live path dead-lettered them, replay passes them by
     */
    record Page(List<LoggedEvent> events, long reachedSequence, int skipped) {
    }

    /**
     * A high-water mark: the highest sequence committed when it is taken, and the oldest transaction then in flight.
     *
     * @param snapshotXmin an {@code xid8} as text: every transaction older than it had ended when the mark was taken
     */
    record Mark(long sequence, String snapshotXmin) {
    }

    /**
     * The high-water mark. Replay covers every event up to it that was committed then; an event committed later
     * (even with a lower sequence, by a transaction still in flight) is applied by the live path, which writes the
     * BUILDING version from before this moment on. Both halves come from one statement's snapshot.
     */
    Mark highWaterMark(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select coalesce(max(sequence), 0), pg_snapshot_xmin(pg_current_snapshot())::text from outbox");
             ResultSet row = select.executeQuery()) {
            row.next();
            return new Mark(row.getLong(1), row.getString(2));
        }
    }

    /**
     * Where a catch-up starts for a version that holds every event of a transaction older than {@code heldBelow}: just
     * before the first event up to {@code upTo} of a younger one (committed late or not, whatever its sequence), or
     * {@code upTo} when there is none. A scan of the log, once per rollback.
     */
    long catchUpFrom(Connection connection, String heldBelow, long upTo) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select coalesce(min(sequence) - 1, ?) from outbox where transaction_id >= ?::xid8 and sequence <= ?")) {
            select.setLong(1, upTo);
            select.setString(2, heldBelow);
            select.setLong(3, upTo);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    Page read(Connection connection, long after, long upTo, int limit) throws SQLException {
        List<LoggedEvent> events = new ArrayList<>();
        int rows = 0;
        int skipped = 0;
        long last = after;
        try (PreparedStatement select = connection.prepareStatement(PAGE)) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            select.setInt(3, limit);
            select.setFetchSize(limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows++;
                    last = row.getLong("sequence");
                    try {
                        events.add(decode(row));
                    } catch (UndecodableEventException | IllegalArgumentException e) {
                        skipped++;
                        log.warn("replay passes by event {} at sequence {}: {}", row.getString("event_id"), last, e.getMessage());
                    } catch (UnknownSchemaVersionException e) {
                        // Not poison: this rebuild runs older code than the release that wrote the event. Passing it
                        // by would build a version that misses it; failing leaves the LIVE version as it is.
                        throw new IllegalStateException("replay stops at sequence " + last + ": " + e.getMessage()
                                + "; deploy the projections' release that knows it, then rebuild", e);
                    }
                }
            }
        }
        return new Page(events, rows < limit ? upTo : last, skipped);
    }

    private static LoggedEvent decode(ResultSet row)
            throws SQLException, UndecodableEventException, UnknownSchemaVersionException {
        TenantId tenant = new TenantId(row.getString("tenant_id"));
        EventEnvelope envelope = new EventEnvelope(row.getObject("event_id", UUID.class), row.getString("event_type"),
                row.getInt("schema_version"), row.getLong("sequence"), tenant, row.getString("aggregate_type"),
                row.getString("aggregate_id"), row.getLong("aggregate_version"), row.getTimestamp("occurred_at").toInstant(),
                row.getString("correlation_id"));
        return new LoggedEvent(envelope, EventCodec.decode(envelope.eventType(), envelope.schemaVersion(), tenant,
                row.getString("payload")));
    }
}
