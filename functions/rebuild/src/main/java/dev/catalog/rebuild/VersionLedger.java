package dev.catalog.rebuild;

import dev.catalog.platform.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The rebuild's records in {@code projection_version}: what each version is, how far it got, what it became. */
final class VersionLedger {

    /** A BUILDING version, as registered (or found, when a run resumes). */
    record Building(int version, String target, long fromSequence, Long highWaterMark, long position, long eventsReplayed) {
    }

    Optional<Building> building(Connection connection, String projection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select version, target, coalesce(replay_from_sequence, 0), high_water_mark,
                       coalesce(replayed_to_sequence, replay_from_sequence, 0), events_replayed
                  from projection_version where projection = ? and status = 'BUILDING'
                """)) {
            select.setString(1, projection);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                long hwm = row.getLong(4);
                return Optional.of(new Building(row.getInt(1), row.getString(2), row.getLong(3),
                        row.wasNull() ? null : hwm, row.getLong(5), row.getLong(6)));
            }
        }
    }

    /** A BUILDING version and the projection it belongs to. */
    record Owned(String projection, int version) {
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
        return new Building(version, target.targetName(version), fromSequence, null, fromSequence, 0);
    }

    /** A new run resumes a BUILDING version and answers for it from now on (its abort drops it). */
    void takeOver(Connection connection, String projection, int version, String runId) throws SQLException {
        update(connection, "update projection_version set run_id = ? where projection = ? and version = ?", runId, projection, version);
    }

    List<Owned> buildingOf(Connection connection, String runId) throws SQLException {
        List<Owned> owned = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select projection, version from projection_version where run_id = ? and status = 'BUILDING'")) {
            select.setString(1, runId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owned.add(new Owned(rows.getString(1), rows.getInt(2)));
                }
            }
        }
        return owned;
    }

    OptionalInt live(Connection connection, String projection) throws SQLException {
        return single(connection, "select version from projection_version where projection = ? and status = 'LIVE'", projection);
    }

    OptionalInt newestRetired(Connection connection, String projection) throws SQLException {
        return single(connection, "select max(version) from projection_version where projection = ? and status = 'RETIRED'", projection);
    }

    /** RETIRED versions older than the newest one: nothing writes them any more, and their targets can go. */
    List<Integer> staleRetired(Connection connection, String projection) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select version from projection_version
                 where projection = ? and status = 'RETIRED'
                   and version < (select max(version) from projection_version where projection = ? and status = 'RETIRED')
                """)) {
            select.setString(1, projection);
            select.setString(2, projection);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
        }
        return versions;
    }

    void recordHighWaterMark(Connection connection, String projection, int version, long highWaterMark) throws SQLException {
        update(connection, "update projection_version set high_water_mark = ? where projection = ? and version = ?",
                highWaterMark, projection, version);
    }

    void recordProgress(Connection connection, String projection, int version, long position, long events) throws SQLException {
        update(connection, """
                update projection_version set replayed_to_sequence = ?, events_replayed = events_replayed + ?
                 where projection = ? and version = ?
                """, position, events, projection, version);
    }

    void recordVerification(Connection connection, String projection, int version, RebuildState.Verification verification)
            throws SQLException {
        update(connection, "update projection_version set verification = ?::jsonb where projection = ? and version = ?",
                Json.write(verification), projection, version);
    }

    /** The LIVE version becomes RETIRED and {@code version} LIVE, in the caller's transaction. */
    void makeLive(Connection connection, String projection, int version) throws SQLException {
        update(connection, "update projection_version set status = 'RETIRED', finished_at = now() where projection = ? and status = 'LIVE'",
                projection);
        update(connection, "update projection_version set status = 'LIVE', finished_at = now() where projection = ? and version = ?",
                projection, version);
    }

    void fail(Connection connection, String projection, int version, String error) throws SQLException {
        update(connection, """
                update projection_version set status = 'FAILED', error = ?, finished_at = now()
                 where projection = ? and version = ? and status = 'BUILDING'
                """, error, projection, version);
    }

    private static OptionalInt single(Connection connection, String sql, String projection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, projection);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    int version = row.getInt(1);
                    return row.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
                }
                return OptionalInt.empty();
            }
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }
}
