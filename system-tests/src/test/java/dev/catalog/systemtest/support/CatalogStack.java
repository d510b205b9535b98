package dev.catalog.systemtest.support;

import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackPorts;
import dev.catalog.local.stack.StackSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The one local stack of a test run: started by the local runtime's own code on free ports, in a directory of the
 * run, on first use; stopped when the test JVM exits. Tests reach the functions the way production does: through
 * the deployment packages template.yaml names, with API Gateway events, or over the local HTTP API.
 */
public final class CatalogStack extends StackClient {

    private final LocalStack stack;

    private CatalogStack(LocalStack stack) {
        super(stack.apiUrl(), stack::token, stack.database(), stack.kafkaBootstrapServers());
        this.stack = stack;
    }

    public static CatalogStack get() {
        return Holder.STARTED.get();
    }

    /** Invokes a function of template.yaml with the API Gateway event of {@code call}. */
    public ApiAnswer call(String functionLogicalId, ApiCall call) {
        InvocationResult result = stack.functions().invoke(functionLogicalId, call.toEvent().getBytes(StandardCharsets.UTF_8));
        return switch (result) {
            case InvocationResult.Success success -> ApiAnswer.fromFunctionOutput(success.payloadText());
            case InvocationResult.FunctionError error -> throw new AssertionError(functionLogicalId + " failed: "
                    + error.errorType() + ": " + error.errorMessage() + "\n" + String.join("\n", error.stackTrace()));
        };
    }

    /** The stack in this JVM, for what only it can do (its supervisors, its functions in-process). */
    public LocalStack stack() {
        return stack;
    }

    private static final class Holder {
        /**
         * The stack, or why it did not start: then every test fails with that reason in its own message, which is what
         * a CI summary shows, rather than with a bare {@code NoClassDefFoundError} of this class.
         */
        private static final Supplier<CatalogStack> STARTED = start();

        private static Supplier<CatalogStack> start() {
            Path projectDir = Path.of(System.getProperty("catalog.project.dir", "..")).toAbsolutePath().normalize();
            Path distDir = Path.of(System.getProperty("catalog.dist.dir", projectDir.resolve(".local/dist").toString()));
            StackLayout layout = new StackLayout(projectDir.resolve("system-tests/target/it-stack"), distDir);
            try {
                LocalStack stack = LocalStack.start(new StackSettings(projectDir, layout, StackPorts.free(), true));
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-test-stack"));
                CatalogStack started = new CatalogStack(stack);
                return () -> started;
            } catch (RuntimeException failure) {
                return () -> {
                    throw new IllegalStateException("the test stack did not start (logs in " + layout.root() + "): "
                            + failure, failure);
                };
            }
        }
    }
}
