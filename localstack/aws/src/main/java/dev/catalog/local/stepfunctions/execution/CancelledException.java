package dev.catalog.local.stepfunctions.execution;

/**
 * Unwinds a line of work that must stop: its execution has ended (stopped, timed out, failed elsewhere, history limit)
 * or its Parallel branch or Map iteration was aborted because a sibling failed. Nothing is recorded on the way out.
 */
final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CancelledException(String reason) {
        super(reason, null, false, false);
    }
}
