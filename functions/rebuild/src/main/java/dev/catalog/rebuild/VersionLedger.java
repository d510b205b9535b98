package dev.catalog.rebuild;

import dev.catalog.platform.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rebuild's records in {@code projection_version}: what each version is, how far it got, what it became. The one
 * owner of that table's SQL on the rebuild side; the live path only reads which versions to write.
 *
 * <p>A version's life: BUILDING (a run fills it) → LIVE (readers see it) → RETIRING (replaced; still written while
 * readers may be on it) → RETIRED (not written; it holds every event of a transaction older than
 * {@code current_to_xmin}) → CATCHING_UP (a rollback replays what it missed) → LIVE again, or DROPPED (its target
 * gone). A run that fails leaves its version FAILED.
 */
final class VersionLedger {

    /** A BUILDING or CATCHING_UP version, as registered (or found, when a run resumes). */
    record Building(int version, String target, long fromSequence, Long highWaterMark, long position, long eventsReplayed,
                    String runId) {
    }

    /** One version's row, as far as rollbacks and cut-overs need it. */
    record Version(String projection, int version, String status, String target, Integer previousLive, String liveBy,
                   Long currentTo, String currentToXmin, String runId) {

        boolean liveByRollback() {
            return "LIVE".equals(status) && "rollback".equals(liveBy);
        }
    }

    /** A version and the projection it belongs to. */
    record Owned(String projection, int version, String status) {
    }

    /**
     * Serializes every change of a projection's versions (prepare, cut-over, rollback, abort) until the caller's
     * transaction ends, so two of them never decide on the same stale picture.
     */
    void lock(Connection transaction, String projection) throws SQLException {
        try (PreparedStatement lock = transaction.prepareStatement("select pg_advisory_xact_lock(hashtext('projection_version:' || ?))")) {
            lock.setString(1, projection);
            lock.execute();
        }
    }

    Optional<Building> building(Connection connection, String projection) throws SQLException {
        return inProgress(connection, projection, "BUILDING");
    }

    Optional<Building> catchingUp(Connection connection, String projection) throws SQLException {
        return inProgress(connection, projection, "CATCHING_UP");
    }

    /** The version being filled by replay, BUILDING or CATCHING_UP, whatever its run. */
    Optional<Building> filling(Connection connection, String projection, int version) throws SQLException {
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

    Optional<Version> version(Connection connection, String projection, int version) throws SQLException {
        return versionWhere(connection, "projection = ? and version = ?", projection, version);
    }

    Optional<Version> live(Connection connection, String projection) throws SQLException {
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

    int nextVersion(Connection connection, String projection) throws SQLException {
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
    Building register(Connection connection, String projection, ProjectionTarget target, int version, long fromSequence,
                      String runId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into projection_version (projection, version, status, target, replay_from_sequence,
                                                replayed_to_sequence, run_id, started_at)
                values (?, ?, 'BUILDING', ?, ?, ?, ?, now())
                """)) {
            insert.setString(1, projection);
            insert.setInt(2, version);
            insert.setString(3, target.targetName(version));
            insert.setLong(4, fromSequence);
            insert.setLong(5, fromSequence);
            insert.setString(6, runId);
            insert.executeUpdate();
        }
        return new Building(version, target.targetName(version), fromSequence, null, fromSequence, 0, runId);
    }

    /** A new run resumes a BUILDING version whose run has ended, and answers for it from now on (its abort drops it). */
    void takeOver(Connection connection, String projection, int version, String runId) throws SQLException {
        update(connection, "update projection_version set run_id = ? where projection = ? and version = ?", runId, projection, version);
    }

    /** What a run answers for when it aborts: its BUILDING versions, and a LIVE one it promoted but did not finish. */
    List<Owned> ownedBy(Connection connection, String runId) throws SQLException {
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
    List<Integer> retiring(Connection connection, String projection) throws SQLException {
        return versions(connection, "select version from projection_version where projection = ? and status = 'RETIRING'", projection);
    }

    /**
     * RETIRED versions beyond the {@code keep} most recently retired: nothing writes them, no rollback goes to them
     * without a catch-up, and their targets can go.
     */
    List<Integer> beyondKept(Connection connection, String projection, int keep) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select version from projection_version where projection = ? and status = 'RETIRED'
                 order by retired_at desc nulls last, version desc offset ?
                """)) {
            select.setString(1, projection);
            select.setInt(2, keep);
            return versions(select);
        }
    }

    void recordHighWaterMark(Connection connection, String projection, int version, EventLog.Mark mark) throws SQLException {
        update(connection, """
                update projection_version set high_water_mark = ?, high_water_xmin = ?::xid8 where projection = ? and version = ?
                """, mark.sequence(), mark.snapshotXmin(), projection, version);
    }

    /** Where the catch-up of {@code version} by {@code runId} starts, once the fresh mark says where it ends. */
    void recordCatchUpFrom(Connection connection, String projection, int version, String runId, long from) throws SQLException {
        update(connection, """
                update projection_version set replay_from_sequence = ?, replayed_to_sequence = ?
                 where projection = ? and version = ? and status = 'CATCHING_UP' and run_id = ?
                """, from, from, projection, version, runId);
    }

    /**
     * Records how far replay got, if {@code runId} still answers for the version: a run whose version was taken over
     * (it was thought to have ended) finds out here and stops, instead of two runs writing one version.
     */
    void recordProgress(Connection connection, String projection, int version, String runId, long position, long events)
            throws SQLException {
        int updated = update(connection, """
                update projection_version set replayed_to_sequence = ?, events_replayed = events_replayed + ?
                 where projection = ? and version = ? and run_id = ? and status in ('BUILDING', 'CATCHING_UP')
                """, position, events, projection, version, runId);
        if (updated == 0) {
            throw new IllegalStateException("run " + runId + " no longer answers for " + projection + " version " + version);
        }
    }

    void recordVerification(Connection connection, String projection, int version, RebuildState.Verification verification)
            throws SQLException {
        update(connection, "update projection_version set verification = ?::jsonb where projection = ? and version = ?",
                Json.write(verification), projection, version);
    }

    /**
     * {@code version} becomes LIVE, remembering which version was LIVE before it and how it got there; that one becomes
     * RETIRING (still written until readers have surely left it). In the caller's transaction.
     */
    void promote(Connection connection, String projection, int version, String liveBy) throws SQLException {
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
    void demote(Connection connection, String projection, int version, String backTo, int previous) throws SQLException {
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
    void seal(Connection connection, String projection) throws SQLException {
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
    Building startCatchUp(Connection connection, Version retired, String runId) throws SQLException {
        long from = retired.currentTo() == null ? 0 : retired.currentTo();
        update(connection, """
                update projection_version set status = 'CATCHING_UP', run_id = ?, replay_from_sequence = ?,
                       replayed_to_sequence = ?, high_water_mark = null, events_replayed = 0, verification = null, error = null
                 where projection = ? and version = ?
                """, runId, from, from, retired.projection(), retired.version());
        return new Building(retired.version(), retired.target(), from, null, from, 0, runId);
    }

    /** A catch-up that did not finish: RETIRED again, still current to where it was (what it replayed is harmless). */
    void endCatchUp(Connection connection, String projection, int version, String runId) throws SQLException {
        update(connection, "update projection_version set status = 'RETIRED' where projection = ? and version = ? and status = 'CATCHING_UP'"
                + " and run_id = ?", projection, version, runId);
    }

    void fail(Connection connection, String projection, int version, String error) throws SQLException {
        update(connection, """
                update projection_version set status = 'FAILED', error = ?, finished_at = now()
                 where projection = ? and version = ? and status in ('BUILDING', 'LIVE')
                """, error, projection, version);
    }

    void dropped(Connection connection, String projection, int version) throws SQLException {
        update(connection, "update projection_version set status = 'DROPPED' where projection = ? and version = ? and status = 'RETIRED'",
                projection, version);
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
