package dev.catalog.local.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Latencies of many operations from many threads, and their percentiles: an HdrHistogram with three significant
 * digits (a percentile is exact to 0.1 %), in constant memory however many operations a run records.
 */
final class LatencyRecorder {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram nanos = new ConcurrentHistogram(SIGNIFICANT_DIGITS);
    private final AtomicLong errors = new AtomicLong();

    void record(long latencyNanos) {
        nanos.recordValue(Math.max(0, latencyNanos));
    }

    void error() {
        errors.incrementAndGet();
    }

    long count() {
        return nanos.getTotalCount();
    }

    long errors() {
        return errors.get();
    }

    /** The latency at percentile {@code p} (0..100), in milliseconds; NaN before the first. */
    double percentileMillis(double p) {
        if (nanos.getTotalCount() == 0) {
            return Double.NaN;
        }
        long value = p >= 100 ? nanos.getMaxValue() : nanos.getValueAtPercentile(p);
        return value / 1_000_000.0;
    }
}
