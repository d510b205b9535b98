package dev.catalog.platform.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one owner of the SQL of {@code projection_version} (what each version of each read model is, how far its
 * replay got, what it became) and {@code projection_progress} (how far the live path has written each version, per
 * partition). Every reader and writer goes through it: the live projections (which versions to write, their
 * progress), the rebuild tasks (the ledger of a version's life), and the local runtime's status, console and
 * benchmarks. Which of these a caller may do is the database's decision: each side connects as its own role
 * ({@code R__database_roles.sql}), and a role runs only the statements its side needs.
 *
 * <p>A version's life: BUILDING (a run fills it) → LIVE (readers see it) → RETIRING (replaced; still written while
 * readers may be on it) → RETIRED (not written; it holds every event of a transaction older than
 * {@code current_to_xmin}) → CATCHING_UP (a rollback replays what it missed) → LIVE again, or DROPPED (its target
 * gone). A run that fails leaves its version FAILED.
 */
public final class ProjectionVersionStore {

    // ---- The live path: which versions to write, and how far each partition got (the projection role). ----

    /**
     * What a batch moved one partition past: the highest outbox sequence among its records, how many events it
     * applied, and the newest heartbeat it carried (null when none).
     */
    public interface PartitionMark {
        String topicPartition();

        long lastSequence();

        long eventsApplied();

        Instant lastHeartbeat();
    }

    // Only what readers are on or will be: LIVE, BUILDING (a rebuild), RETIRING (replaced, readers may still be on
    // it until the search aliases move), CATCHING_UP (a rollback about to bring it back). RETIRED ones cost nothing.
    private static final String ACTIVE = """
            select version, status, target from projection_version
             where projection = ? and status in ('LIVE', 'BUILDING', 'RETIRING', 'CATCHING_UP')
             order by version
            """;
    private static final String LIVE_PROGRESS = """
            insert into projection_progress (projection, version, topic_partition, last_sequence, events_applied,
                                             last_applied_at, last_heartbeat_at)
            values (?, ?, ?, ?, ?, now(), ?)
            on conflict (projection, version, topic_partition) do update
               set last_sequence = greatest(projection_progress.last_sequence, excluded.last_sequence),
                   events_applied = projection_progress.events_applied + excluded.events_applied,
                   last_applied_at = excluded.last_applied_at,
                   last_heartbeat_at = greatest(projection_progress.last_heartbeat_at, excluded.last_heartbeat_at)
            """;

    /**
     * The versions the live path writes. Read inside the batch's transaction, so a batch sees a rebuild's new version
     * either before it starts (and writes it too) or not at all; the number of versions ever built costs nothing.
     */
    public List<ActiveVersion> active(Connection connection, String projection) throws SQLException {
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

    /** Records how far a batch moved each partition of {@code version}, in the caller's transaction. */
    public void recordLiveProgress(Connection connection, ActiveVersion version, Collection<? extends PartitionMark> progress)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(LIVE_PROGRESS)) {
            for (PartitionMark partition : progress) {
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

    // ---- The rebuild's ledger: a version's life (the rebuild role). ----

    /** A BUILDING or CATCHING_UP version, as registered (or found, when a run resumes). */
    public record Building(int version, String target, long fromSequence, Long highWaterMark, long position, long eventsReplayed,
                    String runId) {
    }

    /** One version's row, as far as rollbacks and cut-overs need it. */
    public record Version(String projection, int version, String status, String target, Integer previousLive, String liveBy,
                   Long currentTo, String currentToXmin, String runId) {

        public boolean liveByRollback() {
            return "LIVE".equals(status) && "rollback".equals(liveBy);
        }
    }

    /** A version and the projection it belongs to. */
    public record Owned(String projection, int version, String status) {
    }

    /**
     * Serializes every change of a projection's versions (prepare, cut-over, rollback, abort) until the caller's
     * transaction ends, so two of them never decide on the same stale picture.
     */
    public void lock(Connection transaction, String projection) throws SQLException {
        try (PreparedStatement lock = transaction.prepareStatement("select pg_advisory_xact_lock(hashtext('projection_version:' || ?))")) {
            lock.setString(1, projection);
            lock.execute();
        }
    }

    public Optional<Building> building(Connection connection, String projection) throws SQLException {
        return inProgress(connection, projection, "BUILDING");
    }

    public Optional<Building> catchingUp(Connection connection, String projection) throws SQLException {
        return inProgress(connection, projection, "CATCHING_UP");
    }

    /** The version being filled by replay, BUILDING or CATCHING_UP, whatever its run. */
    public Optional<Building> filling(Connection connection, String projection, int version) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BUILDING + " and version = ? and status in ('BUILDING', 'CATCHING_UP')")) {
            select.setString(1, projection);
            select.setInt(2, version);
            return building(select);
        }
    }

    private static final String BUILDING = """
            select version, target, coalesce(replay_from_sequence, 0) as from_sequence, high_water_mark,
                   coalesce(replayed_to_sequence, replay_from_sequence, 0) as position, events_replayed, run_id
              from projection_version where projection = ?
            """;

    private Optional<Building> inProgress(Connection connection, String projection, String status) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BUILDING + " and status = ?")) {
            select.setString(1, projection);
            select.setString(2, status);
            return building(select);
        }
    }

    private static Optional<Building> building(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new Building(row.getInt("version"), row.getString("target"), row.getLong("from_sequence"),
                    nullableLong(row, "high_water_mark"), row.getLong("position"), row.getLong("events_replayed"),
                    row.getString("run_id")));
        }
    }

    public Optional<Version> version(Connection connection, String projection, int version) throws SQLException {
        return versionWhere(connection, "projection = ? and version = ?", projection, version);
    }

    public Optional<Version> live(Connection connection, String projection) throws SQLException {
        return versionWhere(connection, "projection = ? and status = 'LIVE'", projection);
    }

    private Optional<Version> versionWhere(Connection connection, String where, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select projection, version, status, target, previous_live, live_by, current_to_sequence,
                       current_to_xmin::text as current_to_xmin, run_id
                  from projection_version
                """ + " where " + where)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                int previous = row.getInt("previous_live");
                Integer previousLive = row.wasNull() ? null : previous;
                return Optional.of(new Version(row.getString("projection"), row.getInt("version"), row.getString("status"),
                        row.getString("target"), previousLive, row.getString("live_by"), nullableLong(row, "current_to_sequence"),
                        row.getString("current_to_xmin"), row.getString("run_id")));
            }
        }
    }

    public int nextVersion(Connection connection, String projection) throws SQLException {
        try (PreparedStatement next = connection.prepareStatement(
                "select coalesce(max(version), 0) + 1 from projection_version where projection = ?")) {
            next.setString(1, projection);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /**
     * Registers {@code version} of the projection as BUILDING: from this commit on, the live path writes it too. A
     * second BUILDING version of one projection is refused by a unique index (two runs would fight over the target).
     */
    public Building register(Connection connection, String projection, String target, int version, long fromSequence,
                             String runId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into projection_version (projection, version, status, target, replay_from_sequence,
                                                replayed_to_sequence, run_id, started_at)
                values (?, ?, 'BUILDING', ?, ?, ?, ?, now())
                """)) {
            insert.setString(1, projection);
            insert.setInt(2, version);
            insert.setString(3, target);
            insert.setLong(4, fromSequence);
            insert.setLong(5, fromSequence);
            insert.setString(6, runId);
            insert.executeUpdate();
        }
        return new Building(version, target, fromSequence, null, fromSequence, 0, runId);
    }

    /** A new run resumes a BUILDING version whose run has ended, and answers for it from now on (its abort drops it). */
    public void takeOver(Connection connection, String projection, int version, String runId) throws SQLException {
        update(connection, "update projection_version set run_id = ? where projection = ? and version = ?", runId, projection, version);
    }

    /** What a run answers for when it aborts: its BUILDING versions, and a LIVE one it promoted but did not finish. */
    public List<Owned> ownedBy(Connection connection, String runId) throws SQLException {
        List<Owned> owned = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select projection, version, status from projection_version where run_id = ? and status in ('BUILDING', 'LIVE')")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owned.add(new Owned(rows.getString(1), rows.getInt(2), rows.getString(3)));
                }
            }
        }
        return owned;
    }

    /** Versions replaced in the ledger whose readers may not have moved yet (search aliases). */
    public List<Integer> retiring(Connection connection, String projection) throws SQLException {
        return versions(connection, "select version from projection_version where projection = ? and status = 'RETIRING'", projection);
    }

    /**
     * RETIRED versions beyond the {@code keep} most recently retired: nothing writes them, no rollback goes to them
     * without a catch-up, and their targets can go.
     */
    public List<Integer> beyondKept(Connection connection, String projection, int keep) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select version from projection_version where projection = ? and status = 'RETIRED'
                 order by retired_at desc nulls last, version desc offset ?
                """)) {
            select.setString(1, projection);
            select.setInt(2, keep);
            return versions(select);
        }
    }

    /** @param snapshotXmin the oldest transaction in flight when the mark was taken: what a later seal falls back to */
    public void recordHighWaterMark(Connection connection, String projection, int version, long sequence, String snapshotXmin)
            throws SQLException {
        update(connection, """
                update projection_version set high_water_mark = ?, high_water_xmin = ?::xid8 where projection = ? and version = ?
                """, sequence, snapshotXmin, projection, version);
    }

    /** Where the catch-up of {@code version} by {@code runId} starts, once the fresh mark says where it ends. */
    public void recordCatchUpFrom(Connection connection, String projection, int version, String runId, long from) throws SQLException {
        update(connection, """
                update projection_version set replay_from_sequence = ?, replayed_to_sequence = ?
                 where projection = ? and version = ? and status = 'CATCHING_UP' and run_id = ?
                """, from, from, projection, version, runId);
    }

    /**
     * Records how far replay got, if {@code runId} still answers for the version: a run whose version was taken over
     * (it was thought to have ended) finds out here and stops, instead of two runs writing one version.
     */
    public void recordReplayProgress(Connection connection, String projection, int version, String runId, long position, long events)
            throws SQLException {
        int updated = update(connection, """
                update projection_version set replayed_to_sequence = ?, events_replayed = events_replayed + ?
                 where projection = ? and version = ? and run_id = ? and status in ('BUILDING', 'CATCHING_UP')
                """, position, events, projection, version, runId);
        if (updated == 0) {
            throw new IllegalStateException("run " + runId + " no longer answers for " + projection + " version " + version);
        }
    }

    /** @param verification the verification's outcome as a JSON document */
    public void recordVerification(Connection connection, String projection, int version, String verification)
            throws SQLException {
        update(connection, "update projection_version set verification = ?::jsonb where projection = ? and version = ?",
                verification, projection, version);
    }

    /**
     * {@code version} becomes LIVE, remembering which version was LIVE before it and how it got there; that one becomes
     * RETIRING (still written until readers have surely left it). In the caller's transaction.
     */
    public void promote(Connection connection, String projection, int version, String liveBy) throws SQLException {
        Optional<Version> live = live(connection, projection);
        update(connection, """
                update projection_version set status = 'RETIRING', retired_at = now(), current_to_sequence = null
                 where projection = ? and status = 'LIVE'
                """, projection);
        update(connection, """
                update projection_version set status = 'LIVE', finished_at = now(), previous_live = ?, live_by = ?
                 where projection = ? and version = ?
                """, live.map(Version::version).orElse(null), liveBy, projection, version);
    }

    /**
     * A promotion undone before it was finished: the RETIRING version is LIVE again (it was written all along), and
     * {@code version} goes back to what it was.
     */
    public void demote(Connection connection, String projection, int version, String backTo, int previous) throws SQLException {
        update(connection, "update projection_version set status = ? where projection = ? and version = ? and status = 'LIVE'",
                backTo, projection, version);
        update(connection, "update projection_version set status = 'LIVE', retired_at = null where projection = ? and version = ?",
                projection, previous);
    }

    /**
     * The RETIRING versions stop being written, and record what they hold, so a rollback knows what to catch them up
     * on: every event of a transaction older than the lowest {@code snapshot_xmin} of the last rows the live path
     * applied on each partition. A partition it has no row for (that another version has), or a row without one
     * (written before it was recorded, or a heartbeat retention has deleted), leaves the bound its high-water mark
     * gave. The lowest sequence reached on any partition is kept for people; it is not gap-safe.
     */
    public void seal(Connection connection, String projection) throws SQLException {
        update(connection, """
                update projection_version v set status = 'RETIRED',
                       current_to_sequence = (select coalesce(min(p.last_sequence), 0) from projection_progress p
                                               where p.projection = v.projection and p.version = v.version),
                       current_to_xmin = (
                           select case when count(o.snapshot_xmin) = count(*)
                                            and count(*) >= (select count(distinct a.topic_partition) from projection_progress a
                                                              where a.projection = v.projection)
                                       then coalesce(min(o.snapshot_xmin), v.high_water_xmin)
                                       else v.high_water_xmin end
                             from projection_progress p left join outbox o on o.sequence = p.last_sequence
                            where p.projection = v.projection and p.version = v.version)
                 where projection = ? and status = 'RETIRING'
                """, projection);
    }

    /**
     * A RETIRED version starts catching up under {@code runId}: the live path writes it again from this commit on, and
     * replay covers the log after the sequence it was current to.
     */
    public Building startCatchUp(Connection connection, Version retired, String runId) throws SQLException {
        long from = retired.currentTo() == null ? 0 : retired.currentTo();
        update(connection, """
                update projection_version set status = 'CATCHING_UP', run_id = ?, replay_from_sequence = ?,
                       replayed_to_sequence = ?, high_water_mark = null, events_replayed = 0, verification = null, error = null
                 where projection = ? and version = ?
                """, runId, from, from, retired.projection(), retired.version());
        return new Building(retired.version(), retired.target(), from, null, from, 0, runId);
    }

    /** A catch-up that did not finish: RETIRED again, still current to where it was (what it replayed is harmless). */
    public void endCatchUp(Connection connection, String projection, int version, String runId) throws SQLException {
        update(connection, "update projection_version set status = 'RETIRED' where projection = ? and version = ? and status = 'CATCHING_UP'"
                + " and run_id = ?", projection, version, runId);
    }

    public void fail(Connection connection, String projection, int version, String error) throws SQLException {
        update(connection, """
                update projection_version set status = 'FAILED', error = ?, finished_at = now()
                 where projection = ? and version = ? and status in ('BUILDING', 'LIVE')
                """, error, projection, version);
    }

    public void dropped(Connection connection, String projection, int version) throws SQLException {
        update(connection, "update projection_version set status = 'DROPPED' where projection = ? and version = ? and status = 'RETIRED'",
                projection, version);
    }

    // ---- What operators see: the local runtime's status, console and benchmarks (read only). ----

    /**
     * One version with its replay progress and how far the live path has written it.
     *
     * @param runId the execution (its ARN) that prepared or took over the version; null for the first versions
     */
    public record Overview(String projection, int version, String status, String target, Long fromSequence,
                           Long highWaterMark, Long replayedTo, long eventsReplayed, long lastSequenceApplied,
                           long eventsApplied, Instant lastAppliedAt, Instant lastHeartbeatAt, Instant startedAt,
                           Instant finishedAt, String error, String verification, String runId) {

        /** Events between where replay stands and the high-water mark; 0 before the mark is taken. */
        public long remaining() {
            return highWaterMark == null || replayedTo == null ? 0 : Math.max(0, highWaterMark - replayedTo);
        }
    }

    private static final String OVERVIEW = """
            select v.projection, v.version, v.status, v.target, v.replay_from_sequence, v.high_water_mark,
                   v.replayed_to_sequence, v.events_replayed, coalesce(max(p.last_sequence), 0) as last_sequence,
                   coalesce(sum(p.events_applied), 0) as events_applied, max(p.last_applied_at) as last_applied_at,
                   max(p.last_heartbeat_at) as last_heartbeat_at,
                   v.started_at, v.finished_at, v.error, v.verification::text as verification, v.run_id
              from projection_version v
              left join projection_progress p on p.projection = v.projection and p.version = v.version
             group by v.projection, v.version
             order by v.projection, v.version
            """;

    /** Every version of every projection, by projection and version. */
    public List<Overview> overview(Connection connection) throws SQLException {
        List<Overview> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(OVERVIEW); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                versions.add(new Overview(row.getString("projection"), row.getInt("version"), row.getString("status"),
                        row.getString("target"), nullableLong(row, "replay_from_sequence"), nullableLong(row, "high_water_mark"),
                        nullableLong(row, "replayed_to_sequence"), row.getLong("events_replayed"), row.getLong("last_sequence"),
                        row.getLong("events_applied"), instant(row, "last_applied_at"), instant(row, "last_heartbeat_at"),
                        instant(row, "started_at"), instant(row, "finished_at"), row.getString("error"),
                        row.getString("verification"), row.getString("run_id")));
            }
        }
        return versions;
    }

    /**
     * The latest batch the live path applied to a partition of a LIVE version.
     *
     * @param lastSequence the newest sequence applied there; @param committedAt when that event was committed
     */
    public record LiveBatch(String projection, String topicPartition, Instant appliedAt, long lastSequence, Instant committedAt) {
    }

    private static final String NEWEST_LIVE_BATCHES = """
            select p.projection, p.topic_partition, p.last_applied_at, p.last_sequence, o.occurred_at
              from projection_progress p
              join projection_version v on v.projection = p.projection and v.version = p.version and v.status = 'LIVE'
              join outbox o on o.sequence = p.last_sequence
             where p.last_applied_at > ?
            """;

    /** Each partition's latest batch into a LIVE version, where it was applied after {@code since}. */
    public List<LiveBatch> newestLiveBatches(Connection connection, Instant since) throws SQLException {
        List<LiveBatch> batches = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(NEWEST_LIVE_BATCHES)) {
            select.setTimestamp(1, Timestamp.from(since));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    batches.add(new LiveBatch(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
                            rows.getLong(4), rows.getTimestamp(5).toInstant()));
                }
            }
        }
        return batches;
    }

    /** The events replayed into the LIVE versions of the projections named, summed. */
    public long eventsReplayedIntoLive(Connection connection, Collection<String> projections) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select coalesce(sum(events_replayed), 0) from projection_version where status = 'LIVE' and projection = any(?)")) {
            select.setArray(1, connection.createArrayOf("text", projections.toArray()));
            return single(select);
        }
    }

    /** How many LIVE versions the live path has not yet brought to {@code sequence} on any partition. */
    public long liveVersionsShortOf(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select count(*) from projection_version v where v.status = 'LIVE'
                   and coalesce((select max(last_sequence) from projection_progress p
                                  where p.projection = v.projection and p.version = v.version), 0) < ?
                """)) {
            select.setLong(1, sequence);
            return single(select);
        }
    }

    private static long single(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<Integer> versions(Connection connection, String sql, String projection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, projection);
            return versions(select);
        }
    }

    private static List<Integer> versions(PreparedStatement select) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private static Long nullableLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            return update.executeUpdate();
        }
    }
}
