package dev.catalog.local.cli;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** {@code ./catalog rollback --projection P}: the previous version of a read model becomes LIVE again, in one step. */
@Command(name = "rollback", description = "Make a read model's previous (RETIRED) version LIVE again.")
final class RollbackCommand implements Callable<Integer> {

    @Option(names = "--projection", required = true, description = "detail or search.")
    private String projection;

    @Override
    public Integer call() {
        Optional<RunningStack> running = RunningStack.find();
        if (running.isEmpty()) {
            return 1;
        }
        try (LambdaClient lambda = LocalAws.lambda(running.get())) {
            InvokeResponse response = lambda.invoke(invoke -> invoke.functionName("RollbackProjectionFunction")
                    .payload(SdkBytes.fromString("{\"projection\": \"" + projection + "\"}", StandardCharsets.UTF_8)));
            String payload = response.payload().asUtf8String();
            if (response.functionError() != null) {
                System.err.println("Rollback failed: " + payload);
                return 2;
            }
            System.out.println("Rolled back: " + payload);
            return 0;
        }
    }
}
