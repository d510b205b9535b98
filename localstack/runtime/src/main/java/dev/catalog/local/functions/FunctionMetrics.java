package dev.catalog.local.functions;

import java.util.concurrent.atomic.LongAdder;

/**
 * What CloudWatch's {@code AWS/Lambda} metrics say about one function: its invocations, its errors and its billed
 * duration. Lambda bills each invocation's duration rounded up to the next millisecond; the sum of those is what a
 * function costs beside its memory size, and what {@code ./catalog bench cost} divides by commands and events.
 */
public final class FunctionMetrics {

    /** One function's totals since the stack started. */
    public record Totals(String function, long invocations, long errors, long billedMillis) {
    }

    private final String function;
    private final LongAdder invocations = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder billedMillis = new LongAdder();

    FunctionMetrics(String function) {
        this.function = function;
    }

    void record(InvocationResult result) {
        invocations.increment();
        if (result instanceof InvocationResult.FunctionError) {
            errors.increment();
        }
        long nanos = result.duration().toNanos();
        billedMillis.add(Math.max(1, (nanos + 999_999) / 1_000_000));
    }

    Totals totals() {
        return new Totals(function, invocations.sum(), errors.sum(), billedMillis.sum());
    }
}
