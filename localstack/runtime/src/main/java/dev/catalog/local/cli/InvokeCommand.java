package dev.catalog.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.functions.FunctionHost;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./catalog invoke CreateProductFunction --event events/CreateProductFunction.json}: runs one function of
 * template.yaml on one event, in a fresh execution environment, as {@code sam local invoke} does, against the
 * running stack's services. The response goes to standard output, the function's logs to standard error.
 */
@Command(name = "invoke", description = "Run one function of template.yaml on one event and print its response (like sam local invoke).")
final class InvokeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FunctionLogicalId", description = "The function's logical id in template.yaml.")
    private String function;

    @Option(names = {"-e", "--event"}, required = true, description = "A JSON file with the event, e.g. events/CreateProductFunction.json.")
    private Path event;

    @Override
    public Integer call() throws Exception {
        Path projectDir = CatalogCommand.projectDir();
        Optional<StackRecord> running = StackRecord.running(projectDir);
        if (running.isEmpty()) {
            System.err.println("Catalog is not running: start it with ./catalog up (functions need its database and Kafka).");
            return 1;
        }
        StackSettings settings = new StackSettings(projectDir, StackSettings.local(projectDir, false).layout(),
                running.get().ports(), false);
        byte[] payload = Files.readAllBytes(event);
        PrintStream response = System.out;
        System.setOut(System.err);
        try (FunctionHost host = new FunctionHost(LocalStack.template(settings),
                FunctionHostSettings.local(settings.layout().dataDir("invoke")).withVariables(LocalStack.functionVariables(settings.ports()))
                        .withSecretStandIns(LocalStack.secretStandIns(settings.ports())))) {
            InvocationResult result = host.invoke(function, payload);
            ObjectMapper json = new ObjectMapper();
            System.err.printf("%s %s in %d ms%s%n", function, result instanceof InvocationResult.Success ? "returned" : "failed",
                    result.duration().toMillis(), result.initDuration().map(init -> " (init " + init.toMillis() + " ms)").orElse(""));
            return switch (result) {
                case InvocationResult.Success success -> {
                    response.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(success.payload())));
                    yield 0;
                }
                case InvocationResult.FunctionError error -> {
                    response.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(error.payload())));
                    yield 1;
                }
            };
        }
    }
}
