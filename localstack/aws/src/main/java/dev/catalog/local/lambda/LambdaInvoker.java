package dev.catalog.local.lambda;

/**
 * Invokes a function synchronously (invocation type {@code RequestResponse}). The local runtime implements it with its
 * function host; the Step Functions engine and the Lambda endpoint only call it.
 */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * @param functionName the function's name (no ARN, no qualifier)
     * @param qualifier    a version or alias, or {@code null} for {@code $LATEST}
     * @param payloadJson  the event, serialized JSON
     */
    InvocationResult invoke(String functionName, String qualifier, byte[] payloadJson);
}
