package dev.catalog.local.rebuilds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.platform.projection.ProjectionVersionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void has_no_rate_and_no_eta_after_a_single_look() {
        ReplayProgress.Snapshot first = new ReplayProgress().update(List.of(building("detail", 0, 1_000, 0)), START);

        assertThat(first.events()).isZero();
        assertThat(first.remaining()).isEqualTo(1_000);
        assertThat(first.rate()).isZero();
        assertThat(first.eta()).isEmpty();
    }

    @Test
    void rates_the_events_replayed_between_two_looks_and_times_what_is_left_at_that_rate() {
        ReplayProgress progress = new ReplayProgress();
        progress.update(List.of(building("detail", 0, 1_000, 0)), START);

        ReplayProgress.Snapshot second = progress.update(List.of(building("detail", 200, 1_000, 200)), START.plusSeconds(2));

        assertThat(second.rate()).isEqualTo(100.0);
        assertThat(second.eta()).contains(Duration.ofSeconds(8));
    }

    @Test
    void smooths_the_rate_so_one_slow_look_does_not_swing_it() {
        ReplayProgress progress = new ReplayProgress();
        progress.update(List.of(building("detail", 0, 10_000, 0)), START);
        progress.update(List.of(building("detail", 1_000, 10_000, 1_000)), START.plusSeconds(1));

        ReplayProgress.Snapshot stalled = progress.update(List.of(building("detail", 1_000, 10_000, 1_000)), START.plusSeconds(2));

        assertThat(stalled.rate()).isEqualTo(700.0);
    }

    @Test
    void counts_the_events_of_every_version_and_the_time_left_of_the_furthest_behind() {
        ReplayProgress progress = new ReplayProgress();
        progress.update(List.of(building("detail", 0, 1_000, 0), building("search", 0, 1_000, 0)), START);

        ReplayProgress.Snapshot both = progress.update(List.of(building("detail", 600, 1_000, 600), building("search", 200, 1_000, 200)),
                START.plusSeconds(1));

        assertThat(both.events()).isEqualTo(800);
        assertThat(both.remaining()).isEqualTo(800);
        assertThat(both.eta()).contains(Duration.ofSeconds(1));
    }

    @Test
    void has_no_eta_once_nothing_is_left() {
        ReplayProgress progress = new ReplayProgress();
        progress.update(List.of(building("detail", 0, 100, 0)), START);

        assertThat(progress.update(List.of(building("detail", 100, 100, 100)), START.plusSeconds(1)).eta()).isEmpty();
    }

    private static ProjectionVersionStore.Overview building(String projection, long replayedTo, long mark, long events) {
        return new ProjectionVersionStore.Overview(projection, 2, "BUILDING", projection + "_v2", 0L, mark, replayedTo, events, 0,
                0, null, null, START, null, null, null, "arn:run");
    }
}
