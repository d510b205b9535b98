package dev.catalog.local.rebuilds;

import dev.catalog.local.services.postgres.PostgresConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The version tracker as operators see it ({@code ./catalog projections}, {@code rebuild}, the console): every version
 * of every projection, with its replay progress and how far the live path has written it.
 */
public final class ProjectionVersions {

    /**
     * @param runId the execution (its ARN) that prepared or took over the version; null for the first versions
     */
    public record Row(String projection, int version, String status, String target, Long fromSequence, Long highWaterMark,
                      Long replayedTo, long eventsReplayed, long lastSequenceApplied, Instant startedAt, Instant finishedAt,
                      String error, String verification, String runId) {

        /** Events between where replay stands and the high-water mark; 0 before the mark is taken. */
        public long remaining() {
            return highWaterMark == null || replayedTo == null ? 0 : Math.max(0, highWaterMark - replayedTo);
        }
    }

    private static final String SELECT = """
            select v.projection, v.version, v.status, v.target, v.replay_from_sequence, v.high_water_mark,
                   v.replayed_to_sequence, v.events_replayed, coalesce(max(p.last_sequence), 0) as last_sequence,
                   v.started_at, v.finished_at, v.error, v.verification::text as verification, v.run_id
              from projection_version v
              left join projection_progress p on p.projection = v.projection and p.version = v.version
             group by v.projection, v.version
             order by v.projection, v.version
            """;

    private ProjectionVersions() {
    }

    public static List<Row> read(PostgresConnection database) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = database.open();
             PreparedStatement select = connection.prepareStatement(SELECT); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                rows.add(new Row(row.getString("projection"), row.getInt("version"), row.getString("status"),
                        row.getString("target"), nullable(row, "replay_from_sequence"), nullable(row, "high_water_mark"),
                        nullable(row, "replayed_to_sequence"), row.getLong("events_replayed"), row.getLong("last_sequence"),
                        instant(row, "started_at"), instant(row, "finished_at"), row.getString("error"),
                        row.getString("verification"), row.getString("run_id")));
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
