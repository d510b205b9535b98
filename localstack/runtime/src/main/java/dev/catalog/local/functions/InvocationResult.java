package dev.catalog.local.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an invocation gave: the function's response payload, or the error Lambda would report for it.
 * {@link #initDuration()} is present on the invocation that initialised the function (its cold start).
 */
public sealed interface InvocationResult {

    String requestId();

    Duration duration();

    Optional<Duration> initDuration();

    /** The function returned; {@code payload} is its serialized response, as Lambda's Invoke API returns it. */
    record Success(String requestId, byte[] payload, Duration duration, Optional<Duration> initDuration)
            implements InvocationResult {

        public String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /**
     * The function failed: it threw, timed out, or could not be initialised.
     *
     * @param errorType    the exception's class name, or Lambda's own type ({@code Sandbox.Timedout})
     * @param stackTrace   frames as {@code StackTraceElement.toString()}, the runtime's own frames cut off
     */
    record FunctionError(String requestId, String errorType, String errorMessage, List<String> stackTrace,
                         Duration duration, Optional<Duration> initDuration) implements InvocationResult {

        private static final ObjectMapper JSON = new ObjectMapper();

        public FunctionError {
            stackTrace = List.copyOf(stackTrace);
        }

        /** The error as Lambda's Invoke API returns it ({@code X-Amz-Function-Error: Unhandled}). */
        public byte[] payload() {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("errorMessage", errorMessage);
            error.put("errorType", errorType);
            if (!stackTrace.isEmpty()) {
                error.put("stackTrace", stackTrace);
            }
            try {
                return JSON.writeValueAsBytes(error);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
