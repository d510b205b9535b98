package dev.catalog.local.bench;

import java.time.Instant;

/** Wall-clock time in microseconds, the unit every benchmark time is kept in. */
final class Clocks {

    private Clocks() {
    }

    static long nowMicros() {
        return micros(Instant.now());
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
