package dev.catalog.local.stepfunctions.execution;

/** StartExecution reused the name of an execution that ended, or of a running one with a different input. */
public final class ExecutionAlreadyExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ExecutionAlreadyExistsException(String message) {
        super(message);
    }
}
