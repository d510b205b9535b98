package dev.catalog.local.console;

import dev.catalog.local.services.postgres.PostgresConnection;
import dev.catalog.platform.projection.ProjectionVersionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Commit → visible, batch by batch: once a second, for each partition of each LIVE projection whose progress moved,
 * how long the newest event of its latest batch took from its commit (its {@code occurred_at} in the outbox) to the
 * read model's commit of the batch ({@code last_applied_at}). The detail read model serves a row from that commit on;
 * the search index makes it searchable at its next refresh (every second). Debezium's heartbeat travels the same way
 * every 5 s, so a quiet pipeline still draws a line, and a stalled one draws a rising one.
 * Keeps the last {@link #WINDOW}.
 */
final class LagSampler implements AutoCloseable {

    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Duration EVERY = Duration.ofSeconds(1);

    /** One batch: its projection, when it was applied, and how long its newest event took to get there. */
    record Sample(String projection, Instant appliedAt, long lagMillis) {
    }

    private static final ProjectionVersionStore VERSIONS = new ProjectionVersionStore();

    private final PostgresConnection database;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Map<String, Applied> seen = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("console-lag-sampler").factory());
    private Connection connection;

    private LagSampler(PostgresConnection database) {
        this.database = database;
    }

    static LagSampler start(PostgresConnection database) {
        LagSampler sampler = new LagSampler(database);
        sampler.timer.scheduleWithFixedDelay(sampler::sample, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return sampler;
    }

    /** The samples of the last {@link #WINDOW} applied after {@code since}, oldest first. */
    synchronized List<Sample> since(Instant since) {
        return samples.stream().filter(sample -> sample.appliedAt().isAfter(since))
                .sorted(java.util.Comparator.comparing(Sample::appliedAt)).toList();
    }

    private void sample() {
        Instant now = Instant.now();
        Instant windowStart = now.minus(WINDOW);
        try {
            if (connection == null || connection.isClosed()) {
                connection = database.open();
            }
            for (ProjectionVersionStore.LiveBatch batch : VERSIONS.newestLiveBatches(connection, windowStart)) {
                record(batch.projection(), batch.topicPartition(), new Applied(batch.appliedAt(), batch.lastSequence()),
                        batch.committedAt());
            }
        } catch (SQLException | RuntimeException e) {
            // The database is down or restarting: no samples meanwhile (the gap shows on the chart); reconnect next time.
            closeConnection();
        }
        synchronized (this) {
            while (!samples.isEmpty() && samples.peekFirst().appliedAt().isBefore(windowStart)) {
                samples.removeFirst();
            }
        }
    }

    /**
     * A batch is sampled when it applied an event newer than the partition's last: a batch of only duplicates or
     * dead letters moves {@code last_applied_at} but not {@code last_sequence}, and says nothing about lag.
     */
    private synchronized void record(String projection, String partition, Applied applied, Instant committedAt) {
        Applied previous = seen.put(projection + "/" + partition, applied);
        if (previous == null || applied.at().isAfter(previous.at()) && applied.sequence() > previous.sequence()) {
            samples.addLast(new Sample(projection, applied.at(), Math.max(0, Duration.between(committedAt, applied.at()).toMillis())));
        }
    }

    /** Where a partition's progress stood: when its latest batch was applied, and the newest sequence applied. */
    private record Applied(Instant at, long sequence) {
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // already gone
        }
        connection = null;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeConnection();
    }
}
