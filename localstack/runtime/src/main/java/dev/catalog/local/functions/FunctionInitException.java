package dev.catalog.local.functions;

/** The function could not be initialised; the error is what its invocations report until an initialisation works. */
final class FunctionInitException extends Exception {

    private final LambdaError error;

    FunctionInitException(LambdaError error, Throwable cause) {
        super(error.errorType() + ": " + error.errorMessage(), cause);
        this.error = error;
    }

    FunctionInitException(LambdaError error) {
        this(error, null);
    }

    LambdaError error() {
        return error;
    }
}
