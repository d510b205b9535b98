package dev.catalog.projection.detail;

import dev.catalog.platform.db.Conflicts;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.db.Transactions;
import dev.catalog.platform.db.Transactions.Isolation;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.platform.projection.ActiveVersion;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.platform.projection.ProjectionVersionStore;
import dev.catalog.projection.batch.PartitionProgress;
import dev.catalog.projection.batch.Projection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The detail read model: the denormalized PostgreSQL schema behind product detail pages. Each batch is one
 * SERIALIZABLE transaction that writes every active version (LIVE, and BUILDING during a rebuild) and the
 * partitions' progress, so the read model and its recorded progress never disagree. The whole batch is written in
 * bulk; only when the store refuses the data of some event is it written again event by event.
 */
public final class DetailProjection implements Projection {

    public static final String NAME = ProjectionName.DETAIL.id();
    private static final Logger log = LoggerFactory.getLogger(DetailProjection.class);
    private static final int ATTEMPTS = 8;
    private static final ProjectionVersionStore VERSIONS = new ProjectionVersionStore();

    private final DataSource dataSource;
    /** One writer per read schema, kept: each asks its schema's shape once, not once per batch. */
    private final Map<String, DetailWriter> writers = new ConcurrentHashMap<>();

    public DetailProjection(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Refused> apply(List<LoggedEvent> events, Collection<PartitionProgress> progress) {
        boolean eventByEvent = false;
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(events, progress, eventByEvent);
            } catch (SQLException e) {
                if (!eventByEvent && isDataError(e)) {
                    // The store refuses the data itself (a value outside a column's range, say): the batch goes
                    // again with each event behind its own savepoint, to find the ones it refuses and keep the others.
                    eventByEvent = true;
                    continue;
                }
                if (Conflicts.isConflict(e) && attempt < ATTEMPTS) {
                    // A concurrent batch touched the same rows (a category and its products, say): go again on
                    // the state it left. Serializable conflicts are the price of never copying a stale name.
                    log.debug("detail batch conflicted with a concurrent one (attempt {}): {}", attempt, e.getMessage());
                    Conflicts.pauseAfter(attempt);
                    continue;
                }
                throw new DatabaseException("the detail projection could not write its batch", e);
            }
        }
    }

    private List<Refused> applyOnce(List<LoggedEvent> events, Collection<PartitionProgress> progress, boolean eventByEvent)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Transactions.commit(connection, Isolation.SERIALIZABLE, transaction -> {
                Map<LoggedEvent, Refused> refused = new IdentityHashMap<>();
                for (ActiveVersion version : VERSIONS.active(transaction, NAME)) {
                    DetailWriter writer = writers.computeIfAbsent(version.target(),
                            target -> new DetailWriter(target, DetailWriter.Overwrite.NEWER));
                    if (eventByEvent) {
                        writeEventByEvent(transaction, writer, events).forEach(r -> refused.putIfAbsent(r.event(), r));
                    } else {
                        writer.apply(transaction, DetailChanges.of(events));
                    }
                    VERSIONS.recordLiveProgress(transaction, version, progress);
                }
                return List.copyOf(refused.values());
            });
        }
    }

    /** Each event on its own, behind a savepoint: those the store refuses are answered for, the others kept. */
    private static List<Refused> writeEventByEvent(Connection connection, DetailWriter writer, List<LoggedEvent> events)
            throws SQLException {
        List<Refused> refused = new ArrayList<>();
        for (LoggedEvent event : events) {
            Savepoint beforeEvent = connection.setSavepoint();
            try {
                writer.apply(connection, DetailChanges.of(List.of(event)));
            } catch (SQLException e) {
                if (!isDataError(e)) {
                    throw e;
                }
                connection.rollback(beforeEvent);
                refused.add(new Refused(event, "the read model refused the event: " + e.getMessage()));
            }
        }
        return refused;
    }

    /** Data exceptions (22) and integrity violations (23): the event, not the database, is the problem. */
    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }
}
