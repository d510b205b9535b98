package dev.catalog.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The heartbeat rows Debezium Server appends to the outbox every 5 s (its heartbeat action query, in
 * debezium-server/application.properties and template.yaml), and how old ones leave it. A heartbeat is not an event:
 * once Debezium has read its insert from the WAL, the row serves nothing (rebuilds replay domain events only), so
 * it is kept {@link #RETENTION} for whoever looks at the log, then deleted. Every other row stays for good; the
 * database refuses to delete one (V7__retention.sql).
 */
public final class OutboxHeartbeats {

    /** How long a heartbeat row stays in the outbox. */
    public static final Duration RETENTION = Duration.ofHours(1);

    // Oldest first, by the partial index on heartbeats. Nothing but this deletes or locks a heartbeat row, and deleting
    // rows blocks neither appends nor readers. The newest row of the log is kept whatever it is, so the log's highest
    // sequence never goes back: a rebuild's fromSequence is checked against it.
    private static final String DELETE_OLD = """
            delete from outbox where sequence in (
                select sequence from outbox
                 where aggregate_type = 'heartbeat' and occurred_at < ?
                   and sequence < (select max(sequence) from outbox)
                 order by occurred_at limit ?)
            """;

    private OutboxHeartbeats() {
    }

    /**
     * Deletes at most {@code limit} heartbeat rows older than {@link #RETENTION} at {@code now}, in the connection's
     * current transaction.
     *
     * @return how many were deleted; fewer than {@code limit} when no more were that old
     */
    public static int deleteOld(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_OLD)) {
            delete.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }
}
