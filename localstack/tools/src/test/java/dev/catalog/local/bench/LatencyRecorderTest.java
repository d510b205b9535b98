package dev.catalog.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentiles_of_a_thousand_latencies_are_exact_to_a_tenth_of_a_percent() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int millis = 1; millis <= 1000; millis++) {
            recorder.record(millis * 1_000_000L);
        }

        assertThat(recorder.count()).isEqualTo(1000);
        assertThat(recorder.percentileMillis(50)).isCloseTo(500, within(0.5));
        assertThat(recorder.percentileMillis(99)).isCloseTo(990, within(1.0));
        assertThat(recorder.percentileMillis(100)).isCloseTo(1000, within(1.0));
    }

    @Test
    void no_latency_has_no_percentile() {
        assertThat(new LatencyRecorder().percentileMillis(50)).isNaN();
    }
}
