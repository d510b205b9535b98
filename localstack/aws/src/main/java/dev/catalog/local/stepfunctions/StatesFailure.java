package dev.catalog.local.stepfunctions;

/**
 * An error as ASL knows it: a name ({@code States.Timeout}, {@code Lambda.ServiceException}, a function's
 * {@code errorType}, a Fail state's {@code Error}) and a cause. States' {@code Retry} and {@code Catch} match on the name.
 */
public final class StatesFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String errorCause;

    /**
     * @param error the error name, or {@code null} for a Fail state that names none
     * @param cause the cause, or {@code null} when there is none
     */
    public StatesFailure(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.errorCause = cause;
    }

    /** The error name, or {@code null} when a Fail state gave none. */
    public String error() {
        return error;
    }

    /** The cause text, or {@code null} when the failure carries none (a Fail state without Cause). */
    public String cause() {
        return errorCause;
    }

    /** Errors that end the execution whatever the state's Retry and Catch say, as in AWS. */
    public boolean isTerminal() {
        return ErrorNames.RUNTIME.equals(error) || ErrorNames.DATA_LIMIT_EXCEEDED.equals(error);
    }
}
