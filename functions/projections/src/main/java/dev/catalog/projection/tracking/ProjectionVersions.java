package dev.catalog.projection.tracking;

import dev.catalog.projection.batch.PartitionProgress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The projection version tracker as the live path uses it: which versions to write (LIVE, BUILDING while a rebuild
 * runs, a replaced one until readers have left it, a RETIRED one a rollback is catching up), and how far each
 * partition got. The number of versions ever built costs the live path nothing.
 * Both happen inside the caller's transaction, so a batch sees a rebuild's new version either before it starts
 * (and writes it too) or not at all, never half-way.
 */
public final class ProjectionVersions {

    // Only what readers are on or will be: LIVE, BUILDING (a rebuild), RETIRING (replaced, readers may still be on
    // it until the search aliases move), CATCHING_UP (a rollback about to bring it back). RETIRED ones cost nothing.
    private static final String ACTIVE = """
            select version, status, target from projection_version
             where projection = ? and status in ('LIVE', 'BUILDING', 'RETIRING', 'CATCHING_UP')
             order by version
            """;
    private static final String PROGRESS = """
            insert into projection_progress (projection, version, topic_partition, last_sequence, events_applied,
                                             last_applied_at, last_heartbeat_at)
            values (?, ?, ?, ?, ?, now(), ?)
            on conflict (projection, version, topic_partition) do update
               set last_sequence = greatest(projection_progress.last_sequence, excluded.last_sequence),
                   events_applied = projection_progress.events_applied + excluded.events_applied,
                   last_applied_at = excluded.last_applied_at,
                   last_heartbeat_at = greatest(projection_progress.last_heartbeat_at, excluded.last_heartbeat_at)
            """;

    private ProjectionVersions() {
    }

    public static List<ActiveVersion> active(Connection connection, String projection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(ACTIVE)) {
            select.setString(1, projection);
            List<ActiveVersion> versions = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(new ActiveVersion(projection, rows.getInt(1), rows.getString(2), rows.getString(3)));
                }
            }
            return versions;
        }
    }

    public static void recordProgress(Connection connection, ActiveVersion version, Collection<PartitionProgress> progress)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(PROGRESS)) {
            for (PartitionProgress partition : progress) {
                upsert.setString(1, version.projection());
                upsert.setInt(2, version.version());
                upsert.setString(3, partition.topicPartition());
                upsert.setLong(4, partition.lastSequence());
                upsert.setLong(5, partition.eventsApplied());
                upsert.setTimestamp(6, partition.lastHeartbeat() == null ? null : Timestamp.from(partition.lastHeartbeat()));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
