package dev.catalog.local.stepfunctions.asl;

/** How a Retrier randomizes its delays: {@code NONE} (the default) or {@code FULL} (uniform between 0 and the delay). */
public enum JitterStrategy {
    NONE, FULL
}
