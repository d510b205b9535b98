package dev.catalog.local.stepfunctions.execution;

/**
 * One line of control in an execution: the top level, a Parallel branch or a Map iteration. It chains its history
 * events through {@code previousEventId}, and can be cancelled with everything nested in it.
 */
final class Strand {

    private final Strand parent;
    private volatile long lastEventId;
    private volatile boolean cancelled;

    private Strand(Strand parent, long lastEventId) {
        this.parent = parent;
        this.lastEventId = lastEventId;
    }

    static Strand top() {
        return new Strand(null, 0);
    }

    /** A nested strand whose first event follows {@code startedEventId} (ParallelStateStarted, MapIterationStarted). */
    Strand child(long startedEventId) {
        return new Strand(this, startedEventId);
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
        for (Strand strand = this; strand != null; strand = strand.parent) {
            if (strand.cancelled) {
                throw new CancelledException("the branch or iteration was aborted");
            }
        }
    }
}
