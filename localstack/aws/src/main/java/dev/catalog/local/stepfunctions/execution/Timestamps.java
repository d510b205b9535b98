package dev.catalog.local.stepfunctions.execution;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps in the context object are ISO 8601 with milliseconds, as in AWS ({@code 2026-01-02T03:04:05.678Z}). */
final class Timestamps {

    private Timestamps() {
    }

    static String iso(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
