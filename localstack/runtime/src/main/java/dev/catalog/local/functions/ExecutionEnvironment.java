package dev.catalog.local.functions;

import dev.catalog.local.template.ServerlessFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function's execution environment, as Lambda keeps one: its own class loader over its deployment package, so
 * its static state (a connection pool, a cached configuration) is its own; initialised by the first invocation
 * (the cold start) and kept for the next ones. An initialisation that fails is tried again by the next invocation.
 *
 * <p>Unlike one Lambda execution environment, this one takes concurrent invocations: a handler must be thread-safe,
 * as it must be under Lambda's multi-concurrency (Lambda Managed Instances).
 */
final class ExecutionEnvironment implements AutoCloseable {

    /** The platform module's configuration class; the runtime hands it the function's variables. */
    static final String PLATFORM_ENVIRONMENT = "dev.catalog.platform.config.Environment";

    private static final Logger log = LoggerFactory.getLogger(ExecutionEnvironment.class);

    private final ServerlessFunction function;
    private final FunctionIdentity identity;
    private final FunctionHostSettings settings;
    private final DeploymentPackages packages;
    private final ClassLoader parent;
    private final LocalLambdaLogger lambdaLogger;
    private final Object initialisation = new Object();
    private volatile Initialised initialised;

    ExecutionEnvironment(ServerlessFunction function, FunctionHostSettings settings, DeploymentPackages packages,
                         ClassLoader parent) {
        this.function = function;
        this.identity = FunctionIdentity.of(function, settings);
        this.settings = settings;
        this.packages = packages;
        this.parent = parent;
        this.lambdaLogger = new LocalLambdaLogger(settings.functionOutput());
    }

    InvocationResult invoke(byte[] event) {
        String requestId = UUID.randomUUID().toString();
        long started = System.nanoTime();
        Optional<Duration> initDuration;
        Initialised environment;
        try {
            initDuration = initialise();
            environment = initialised;
        } catch (FunctionInitException e) {
            log.error("{} cannot be initialised: {}", function.logicalId(), e.getMessage(), e.getCause());
            return failure(requestId, e.error(), started, Optional.empty());
        }
        long invoked = System.nanoTime();
        long deadline = invoked + function.timeout().toNanos();
        LocalContext context = new LocalContext(requestId, identity, deadline, lambdaLogger);
        FutureTask<byte[]> invocation = new FutureTask<>(() -> environment.run(event, context));
        Thread.ofVirtual().name(identity.name() + "/" + requestId).start(invocation);
        try {
            byte[] payload = invocation.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            Duration duration = Duration.ofNanos(System.nanoTime() - invoked);
            log.debug("REPORT RequestId: {} Function: {} Duration: {} ms", requestId, identity.name(), duration.toMillis());
            return new InvocationResult.Success(requestId, payload, duration, initDuration);
        } catch (ExecutionException e) {
            log.warn("{} failed, request {}", function.logicalId(), requestId, e.getCause());
            return failure(requestId, LambdaError.of(e.getCause()), invoked, initDuration);
        } catch (TimeoutException e) {
            invocation.cancel(true);
            String seconds = String.format(Locale.ROOT, "%.2f", function.timeout().toMillis() / 1000.0);
            log.warn("{} timed out after {} s, request {}", function.logicalId(), seconds, requestId);
            return failure(requestId, new LambdaError("Sandbox.Timedout",
                    "RequestId: " + requestId + " Error: Task timed out after " + seconds + " seconds", List.of()),
                    invoked, initDuration);
        } catch (InterruptedException e) {
            invocation.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("invocation " + requestId + " of " + function.logicalId() + " interrupted");
        }
    }

    /** Initialises the environment if no invocation has yet; the time it took when this call did it. */
    private Optional<Duration> initialise() throws FunctionInitException {
        if (initialised != null) {
            return Optional.empty();
        }
        synchronized (initialisation) {
            if (initialised != null) {
                return Optional.empty();
            }
            long started = System.nanoTime();
            initialised = create();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            log.info("{} initialised in {} ms (cold start)", function.logicalId(), took.toMillis());
            return Optional.of(took);
        }
    }

    private Initialised create() throws FunctionInitException {
        if (!function.runtime().startsWith("java")) {
            throw new FunctionInitException(LambdaError.badFunctionCode("Runtime " + function.runtime()
                    + " of " + function.logicalId() + " cannot be hosted locally: the local runtime hosts Java functions"));
        }
        HandlerName handler = handlerName();
        Path root = packageRoot();
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("function " + identity.name(),
                    DeploymentPackages.classPath(root).toArray(URL[]::new), parent);
        } catch (IOException e) {
            throw new FunctionInitException(LambdaError.of(e), e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            provideEnvironment(loader, variables(root));
            return new Initialised(loader, HandlerLoader.load(handler, loader));
        } catch (FunctionInitException | RuntimeException | Error e) {
            closeQuietly(loader);
            throw e instanceof FunctionInitException init ? init : new FunctionInitException(LambdaError.of(e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private HandlerName handlerName() throws FunctionInitException {
        try {
            return HandlerName.parse(function.handler());
        } catch (IllegalArgumentException e) {
            throw new FunctionInitException(LambdaError.badFunctionCode(e.getMessage()), e);
        }
    }

    private Path packageRoot() throws FunctionInitException {
        if (!Files.exists(function.codeUri())) {
            throw new FunctionInitException(LambdaError.badFunctionCode("CodeUri of " + function.logicalId() + " ("
                    + function.codeUri() + ") does not exist: build the functions with `mvn package` first"));
        }
        try {
            return packages.root(function.codeUri());
        } catch (IOException e) {
            throw new FunctionInitException(LambdaError.badFunctionCode("CodeUri of " + function.logicalId() + " ("
                    + function.codeUri() + ") cannot be unpacked: " + e.getMessage()), e);
        }
    }

    /**
     * template.yaml's variables, then what the Lambda service sets: the host's variables (credentials, endpoints),
     * what stands in for the secrets the template's variables name, and the reserved ones, which a function cannot
     * override.
     */
    private Map<String, String> variables(Path root) {
        Map<String, String> variables = new LinkedHashMap<>(function.environment());
        variables.putAll(settings.variables());
        function.environment().forEach((name, value) -> {
            Map<String, String> standIn = settings.secretStandIns().get(value);
            if (standIn != null) {
                variables.put(name, "");
                variables.putAll(standIn);
            }
        });
        variables.put("AWS_REGION", settings.region());
        variables.put("AWS_DEFAULT_REGION", settings.region());
        variables.put("AWS_EXECUTION_ENV", "AWS_Lambda_" + function.runtime());
        variables.put("AWS_LAMBDA_FUNCTION_NAME", identity.name());
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(identity.memorySizeMb()));
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", FunctionIdentity.VERSION);
        variables.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", identity.logGroupName());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", identity.logStreamName());
        variables.put("LAMBDA_TASK_ROOT", root.toString());
        variables.put("_HANDLER", function.handler());
        variables.put("TZ", ":UTC");
        return variables;
    }

    /**
     * In Lambda a function reads its variables from the process environment; hosted in one JVM, each function's
     * copy of the platform's {@code Environment} is given them instead. A function without the platform module
     * simply does not get them this way.
     */
    private void provideEnvironment(ClassLoader loader, Map<String, String> variables) throws FunctionInitException {
        Class<?> environment;
        try {
            environment = Class.forName(PLATFORM_ENVIRONMENT, true, loader);
        } catch (ClassNotFoundException e) {
            log.debug("{} has no {}: its variables are not provided", function.logicalId(), PLATFORM_ENVIRONMENT);
            return;
        }
        try {
            environment.getMethod("provideForLocalHosting", Map.class).invoke(null, Map.copyOf(variables));
        } catch (InvocationTargetException e) {
            throw new FunctionInitException(LambdaError.of(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new FunctionInitException(LambdaError.badFunctionCode(PLATFORM_ENVIRONMENT
                    + " of " + function.logicalId() + " has no public static provideForLocalHosting(Map)"), e);
        }
    }

    private InvocationResult failure(String requestId, LambdaError error, long started, Optional<Duration> initDuration) {
        return new InvocationResult.FunctionError(requestId, error.errorType(), error.errorMessage(), error.stackTrace(),
                Duration.ofNanos(System.nanoTime() - started), initDuration);
    }

    @Override
    public void close() {
        Initialised environment = initialised;
        if (environment != null) {
            closeQuietly(environment.loader());
        }
    }

    private void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            log.warn("closing the class loader of {} failed", function.logicalId(), e);
        }
    }

    private record Initialised(URLClassLoader loader, FunctionHandler handler) {

        byte[] run(byte[] event, LocalContext context) throws Exception {
            Thread.currentThread().setContextClassLoader(loader);
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            handler.handle(new ByteArrayInputStream(event), response, context);
            return response.toByteArray();
        }
    }
}
