package dev.catalog.local.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies of many operations from many threads, and their percentiles. */
final class LatencyRecorder {

    private long[] nanos = new long[1 << 16];
    private int count;
    private final AtomicLong errors = new AtomicLong();

    synchronized void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = latencyNanos;
    }

    void error() {
        errors.incrementAndGet();
    }

    synchronized int count() {
        return count;
    }

    long errors() {
        return errors.get();
    }

    /** The latency at percentile {@code p} (0..100), in milliseconds. */
    synchronized double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }
}
