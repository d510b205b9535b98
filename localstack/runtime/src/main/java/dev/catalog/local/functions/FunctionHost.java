package dev.catalog.local.functions;

import dev.catalog.local.template.SamTemplate;
import dev.catalog.local.template.ServerlessFunction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hosts the functions of template.yaml in this JVM, the way {@code sam local invoke} runs them in containers: each
 * function in its own execution environment (class loader, static state) built from its deployment package,
 * initialised on its first invocation, with the variables template.yaml gives it and Lambda's own.
 *
 * <pre>{@code
 * try (FunctionHost host = new FunctionHost(template, FunctionHostSettings.local(dataDir.resolve("functions")))) {
 *     InvocationResult result = host.invoke("CreateProductFunction", eventJson);
 * }
 * }</pre>
 */
public final class FunctionHost implements LambdaInvoker, AutoCloseable {

    private final Map<String, ExecutionEnvironment> environments;
    private final Map<String, FunctionMetrics> metrics;

    public FunctionHost(SamTemplate template, FunctionHostSettings settings) {
        DeploymentPackages packages = new DeploymentPackages(settings.packagesDirectory());
        ClassLoader lambdaInterfaces = new LambdaInterfacesClassLoader(FunctionHost.class.getClassLoader());
        Map<String, ExecutionEnvironment> environments = new LinkedHashMap<>();
        Map<String, FunctionMetrics> metrics = new LinkedHashMap<>();
        for (ServerlessFunction function : template.functions().values()) {
            environments.put(function.logicalId(),
                    new ExecutionEnvironment(function, settings, packages, lambdaInterfaces));
            metrics.put(function.logicalId(), new FunctionMetrics(function.logicalId()));
        }
        this.environments = Collections.unmodifiableMap(environments);
        this.metrics = Collections.unmodifiableMap(metrics);
    }

    /**
     * Invokes the function and waits for its result, at most its timeout. Concurrent invocations are allowed.
     *
     * @throws IllegalArgumentException when the template has no such function
     */
    @Override
    public InvocationResult invoke(String functionLogicalId, byte[] event) {
        ExecutionEnvironment environment = environments.get(functionLogicalId);
        if (environment == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + " is hosted; the template's "
                    + "functions are " + environments.keySet());
        }
        InvocationResult result = environment.invoke(event);
        metrics.get(functionLogicalId).record(result);
        return result;
    }

    /** Each function's invocations, errors and billed duration since the host started, in the template's order. */
    public List<FunctionMetrics.Totals> metrics() {
        return metrics.values().stream().map(FunctionMetrics::totals).toList();
    }

    /** Logical ids of the hosted functions, in the template's order. */
    public Set<String> functions() {
        return environments.keySet();
    }

    /** Releases every function's class loader; invocations still running are not waited for. */
    @Override
    public void close() {
        environments.values().forEach(ExecutionEnvironment::close);
    }
}
