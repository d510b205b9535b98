package dev.catalog.local.stepfunctions.execution;

/**
 * Unwinds an execution that must stop: stopped, timed out, or over its history limit. Nothing is recorded on the way
 * out.
 */
final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CancelledException(String reason) {
        super(reason, null, false, false);
    }
}
