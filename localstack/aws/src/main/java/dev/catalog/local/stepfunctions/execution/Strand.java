package dev.catalog.local.stepfunctions.execution;

/**
 * The line of control of an execution: it chains the history events through {@code previousEventId}, and is
 * cancelled when the execution is stopped, so nothing more is recorded after the stop.
 */
final class Strand {

    private volatile long lastEventId;
    private volatile boolean cancelled;

    private Strand(long lastEventId) {
        this.lastEventId = lastEventId;
    }

    static Strand top() {
        return new Strand(0);
    }

    long lastEventId() {
        return lastEventId;
    }

    void advanceTo(long eventId) {
        lastEventId = eventId;
    }

    void cancel() {
        cancelled = true;
    }

    void checkActive() {
        if (cancelled) {
            throw new CancelledException("the execution was stopped");
        }
    }
}
