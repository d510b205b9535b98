package dev.catalog.local.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** How one synchronous invocation of a function ended, as the Lambda service would tell its caller. */
public sealed interface InvocationResult {

    /** The function returned: {@code payload} is its serialized response (JSON, as the runtime wrote it). */
    record Success(byte[] payload, String executedVersion) implements InvocationResult {
        public Success {
            Objects.requireNonNull(payload, "payload");
            Objects.requireNonNull(executedVersion, "executedVersion");
        }
    }

    /**
     * The function failed: the error document the runtime reports ({@code errorType}, {@code errorMessage},
     * {@code stackTrace}), answered with {@code X-Amz-Function-Error: Unhandled}. A {@code null} errorType stands for a
     * failure the runtime could not attribute (timeout, crash), which Step Functions names {@code Lambda.Unknown}.
     */
    record FunctionError(String errorType, String errorMessage, List<String> stackTrace, String executedVersion)
            implements InvocationResult {
        public FunctionError {
            stackTrace = List.copyOf(stackTrace);
            Objects.requireNonNull(executedVersion, "executedVersion");
        }

        /**
         * The document the Lambda Java runtime sends for an exception a handler throws: {@code errorType} is the
         * exception's fully qualified class name, {@code errorMessage} its message (or the class name when it has none),
         * as in aws-lambda-java-runtime-interface-client's {@code LambdaErrorConverter}.
         */
        public static FunctionError fromThrowable(Throwable thrown, String executedVersion) {
            String type = thrown.getClass().getName();
            String message = thrown.getLocalizedMessage() == null ? type : thrown.getLocalizedMessage();
            List<String> trace = Arrays.stream(thrown.getStackTrace()).map(StackTraceElement::toString).toList();
            return new FunctionError(type, message, trace, executedVersion);
        }

        /** The error document as Lambda returns it in the Invoke response body and Step Functions puts in the cause. */
        public String document() {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode document = mapper.createObjectNode();
            document.put("errorMessage", errorMessage);
            if (errorType != null) {
                document.put("errorType", errorType);
            }
            if (!stackTrace.isEmpty()) {
                stackTrace.forEach(document.putArray("stackTrace")::add);
            }
            try {
                return mapper.writeValueAsString(document);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Lambda itself refused or failed the call (the function never ran to an answer): {@code errorCode} is the Lambda API
     * error code, e.g. {@code ResourceNotFoundException} (404), {@code TooManyRequestsException} (429),
     * {@code ServiceException} (500).
     */
    record ServiceError(String errorCode, String message, int httpStatus) implements InvocationResult {
        public ServiceError {
            Objects.requireNonNull(errorCode, "errorCode");
            Objects.requireNonNull(message, "message");
        }

        public static ServiceError functionNotFound(String functionArn) {
            return new ServiceError("ResourceNotFoundException", "Function not found: " + functionArn, 404);
        }
    }
}
