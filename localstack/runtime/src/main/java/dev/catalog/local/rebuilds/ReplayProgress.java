package dev.catalog.local.rebuilds;

import dev.catalog.platform.projection.ProjectionVersionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How a running replay is getting on, from successive looks at its versions: events replayed, a rate smoothed over
 * the recent looks (so one slow batch does not swing it), and the time left at that rate.
 * Not thread-safe: one watcher per execution.
 */
public final class ReplayProgress {

    /** Weight of the newest look in the smoothed rate. */
    private static final double NEWEST_WEIGHT = 0.3;

    /**
     * @param events    events replayed so far, over every version of the run
     * @param remaining events still to go to the high-water mark (the furthest behind version, as they replay together)
     * @param rate      events per second, smoothed; 0 until two looks apart
     */
    public record Snapshot(long events, long remaining, double rate) {

        /** The rate as the CLI prints it: {@code -} until there is one, rather than a misleading 0/s. */
        public String rateText() {
            return rate > 0 ? String.format("%,.0f/s", rate) : "-";
        }

        /** The time left at the current rate; empty while there is no rate or nothing left. */
        public Optional<Duration> eta() {
            return rate > 0 && remaining > 0 ? Optional.of(Duration.ofSeconds((long) Math.ceil(remaining / rate))) : Optional.empty();
        }
    }

    private long previousEvents = -1;
    private Instant previousAt;
    private double rate;

    /** Takes one look at the run's versions, at {@code now}. */
    public Snapshot update(List<ProjectionVersionStore.Overview> versions, Instant now) {
        long events = versions.stream().mapToLong(ProjectionVersionStore.Overview::eventsReplayed).sum();
        long remaining = versions.stream().mapToLong(ProjectionVersionStore.Overview::remaining).max().orElse(0);
        if (previousEvents >= 0 && now.isAfter(previousAt) && events >= previousEvents) {
            double seconds = Duration.between(previousAt, now).toNanos() / 1e9;
            double latest = (events - previousEvents) / seconds;
            rate = rate == 0 ? latest : (1 - NEWEST_WEIGHT) * rate + NEWEST_WEIGHT * latest;
        }
        previousEvents = events;
        previousAt = now;
        return new Snapshot(events, remaining, rate);
    }
}
