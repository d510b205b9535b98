package dev.catalog.local.functions;

import java.util.Arrays;
import java.util.List;

/**
 * An error as Lambda's Java runtime reports it: the exception's message and class name, and the stack trace without
 * the runtime's own frames (here, the local host's), so that it ends where the function was called.
 */
record LambdaError(String errorType, String errorMessage, List<String> stackTrace) {

    /** What the Java runtime reports for a fault that has no exception of the function's behind it. */
    static final String BAD_FUNCTION_CODE = "Runtime.BadFunctionCode";

    private static final String HOST_PACKAGE = LambdaError.class.getPackageName() + ".";

    LambdaError {
        stackTrace = List.copyOf(stackTrace);
    }

    static LambdaError badFunctionCode(String message) {
        return new LambdaError(BAD_FUNCTION_CODE, message, List.of());
    }

    static LambdaError of(Throwable thrown) {
        String message = thrown.getLocalizedMessage() != null ? thrown.getLocalizedMessage() : thrown.getClass().getName();
        return new LambdaError(thrown.getClass().getName(), message, Arrays.stream(thrown.getStackTrace())
                .takeWhile(frame -> !frame.getClassName().startsWith(HOST_PACKAGE))
                .map(LambdaError::frame)
                .toList());
    }

    /** As Lambda prints a frame: a function's class loader has no name there, here it has one worth logging. */
    private static String frame(StackTraceElement frame) {
        return new StackTraceElement(null, frame.getModuleName(), frame.getModuleVersion(), frame.getClassName(),
                frame.getMethodName(), frame.getFileName(), frame.getLineNumber()).toString();
    }
}
