package dev.catalog.local.stepfunctions.execution;

/**
 * A {@code States.Runtime} error (or another terminal one) with its cause already naming the state it happened in.
 * It ends the execution at once: no Retry or Catch stands in its way.
 */
final class RuntimeFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String errorCause;

    RuntimeFailure(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.errorCause = cause;
    }

    String error() {
        return error;
    }

    String cause() {
        return errorCause;
    }
}
