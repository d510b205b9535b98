package dev.catalog.local.functions;

/** Invokes a function of the template synchronously, as Lambda's {@code RequestResponse} invocation does. */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * @param functionLogicalId the function's logical id in template.yaml
     * @param event             the event, as JSON
     */
    InvocationResult invoke(String functionLogicalId, byte[] event);
}
