package dev.catalog.command.retention;

import dev.catalog.command.execution.IdempotencyKeys;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.events.OutboxHeartbeats;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the write side lets go of: heartbeat rows older than {@link OutboxHeartbeats#RETENTION} and idempotency keys
 * older than {@link IdempotencyKeys#RETENTION}. Rows go in batches of {@link #BATCH}, each its own short
 * transaction, so a run never holds many locks for long nor makes a command wait more than one batch; a backlog
 * (the first run on an old database) takes as many batches as it needs, across runs when one runs out of time.
 */
public final class Retention {

    static final int BATCH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final DataSource dataSource;
    private final Clock clock;

    public Retention(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param heartbeatsDeleted      heartbeat rows deleted
     * @param idempotencyKeysDeleted expired idempotency keys deleted
     * @param finished               false when the run stopped for lack of time with more to delete (the next run goes on)
     */
    public record Outcome(long heartbeatsDeleted, long idempotencyKeysDeleted, boolean finished) {
    }

    @FunctionalInterface
    interface Deletion {
        int delete(Connection connection, Instant now, int limit) throws SQLException;
    }

    /** @param outOfTime asked before each batch: true stops the run, leaving the rest to the next one */
    public Outcome run(BooleanSupplier outOfTime) {
        // One instant for the whole run: what has expired does not move while it runs.
        Instant now = clock.instant();
        Deleted heartbeats = deleteAll(OutboxHeartbeats::deleteOld, now, outOfTime);
        Deleted keys = heartbeats.finished() ? deleteAll(IdempotencyKeys::deleteExpired, now, outOfTime) : new Deleted(0, false);
        Outcome outcome = new Outcome(heartbeats.rows(), keys.rows(), heartbeats.finished() && keys.finished());
        log.info("retention: {} heartbeat rows and {} idempotency keys deleted{}", outcome.heartbeatsDeleted(),
                outcome.idempotencyKeysDeleted(), outcome.finished() ? "" : ", more left for the next run");
        return outcome;
    }

    private record Deleted(long rows, boolean finished) {
    }

    private Deleted deleteAll(Deletion deletion, Instant now, BooleanSupplier outOfTime) {
        long rows = 0;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            while (!outOfTime.getAsBoolean()) {
                int batch = deletion.delete(connection, now, BATCH);
                rows += batch;
                if (batch < BATCH) {
                    return new Deleted(rows, true);
                }
            }
            return new Deleted(rows, false);
        } catch (SQLException e) {
            throw new DatabaseException("retention failed in the database after deleting " + rows + " rows", e);
        }
    }
}
