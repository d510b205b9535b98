package dev.catalog.local.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The version tracker as the CLI shows it: every version of every projection, with replay progress. */
final class ProjectionVersions {

    record Row(String projection, int version, String status, String target, Long fromSequence, Long highWaterMark,
               Long replayedTo, long eventsReplayed, long lastSequenceApplied, Instant startedAt, Instant finishedAt,
               String error, String verification) {
    }

    private static final String SELECT = """
            select v.projection, v.version, v.status, v.target, v.replay_from_sequence, v.high_water_mark,
                   v.replayed_to_sequence, v.events_replayed, coalesce(max(p.last_sequence), 0) as last_sequence,
                   v.started_at, v.finished_at, v.error, v.verification::text as verification
              from projection_version v
              left join projection_progress p on p.projection = v.projection and p.version = v.version
             group by v.projection, v.version
             order by v.projection, v.version
            """;

    private ProjectionVersions() {
    }

    static List<Row> read(RunningStack stack) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = stack.database().open();
             PreparedStatement select = connection.prepareStatement(SELECT); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(new Row(row.getString("projection"), row.getInt("version"), row.getString("status"),
                        row.getString("target"), nullable(row, "replay_from_sequence"), nullable(row, "high_water_mark"),
                        nullable(row, "replayed_to_sequence"), row.getLong("events_replayed"), row.getLong("last_sequence"),
                        instant(row, "started_at"), instant(row, "finished_at"), row.getString("error"), row.getString("verification")));
            }
        }
        return rows;
    }

    private static Long nullable(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        var timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
