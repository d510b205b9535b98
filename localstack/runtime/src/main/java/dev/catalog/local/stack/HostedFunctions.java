package dev.catalog.local.stack;

import dev.catalog.local.functions.FunctionHost;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.lambda.FunctionDescription;
import dev.catalog.local.lambda.InvocationResult;
import dev.catalog.local.lambda.LambdaFunctions;
import dev.catalog.local.template.SamTemplate;
import dev.catalog.local.template.ServerlessFunction;
import java.util.List;
import java.util.Optional;

/**
 * The function host as the local AWS endpoint and Step Functions see it: Lambda's ListFunctions and Invoke by
 * function name. A function's name is its {@code FunctionName}, or its logical id.
 */
final class HostedFunctions implements LambdaFunctions {

    private final SamTemplate template;
    private final FunctionHost host;

    HostedFunctions(SamTemplate template, FunctionHost host) {
        this.template = template;
        this.host = host;
    }

    @Override
    public List<FunctionDescription> list() {
        return template.functions().values().stream()
                .map(function -> new FunctionDescription(function.name(), arn(function), function.runtime(),
                        function.handler(), "arn:aws:iam::" + FunctionHostSettings.LOCAL_ACCOUNT_ID + ":role/" + function.logicalId(),
                        (int) function.timeout().toSeconds(), function.memorySizeMb()))
                .toList();
    }

    @Override
    public InvocationResult invoke(String functionName, String qualifier, byte[] payloadJson) {
        Optional<ServerlessFunction> function = template.functions().values().stream()
                .filter(candidate -> candidate.name().equals(functionName)).findFirst();
        if (function.isEmpty()) {
            return InvocationResult.ServiceError.functionNotFound(functionName);
        }
        // Locally every alias and version is the one deployment package there is.
        String executedVersion = "$LATEST";
        return switch (host.invoke(function.get().logicalId(), payloadJson)) {
            case dev.catalog.local.functions.InvocationResult.Success success ->
                    new InvocationResult.Success(success.payload(), executedVersion);
            case dev.catalog.local.functions.InvocationResult.FunctionError error ->
                    new InvocationResult.FunctionError(error.errorType(), error.errorMessage(), error.stackTrace(), executedVersion);
        };
    }

    private static String arn(ServerlessFunction function) {
        return "arn:aws:lambda:" + FunctionHostSettings.LOCAL_REGION + ":" + FunctionHostSettings.LOCAL_ACCOUNT_ID
                + ":function:" + function.name();
    }
}
