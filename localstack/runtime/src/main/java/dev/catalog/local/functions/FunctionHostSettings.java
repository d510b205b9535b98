package dev.catalog.local.functions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * How the local runtime hosts functions.
 *
 * @param packagesDirectory where deployment packages are unpacked (under the runtime's data directory)
 * @param region            the region functions believe they run in ({@code AWS_REGION})
 * @param accountId         the account of their ARNs
 * @param variables         what the Lambda service would give every function besides template.yaml's variables:
 *                          credentials and endpoints of the local stack, for instance; they override the template's
 * @param functionOutput    where {@code context.getLogger()} writes
 */
public record FunctionHostSettings(Path packagesDirectory, String region, String accountId,
                                   Map<String, String> variables, PrintStream functionOutput) {

    public static final String LOCAL_REGION = "us-east-1";
    /** The account id local AWS emulators use, so that no ARN looks like a real account's. */
    public static final String LOCAL_ACCOUNT_ID = "000000000000";

    public FunctionHostSettings {
        Objects.requireNonNull(packagesDirectory, "packagesDirectory");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(functionOutput, "functionOutput");
    }

    /** Local region and account, no extra variables, function logs on standard output. */
    public static FunctionHostSettings local(Path packagesDirectory) {
        return new FunctionHostSettings(packagesDirectory, LOCAL_REGION, LOCAL_ACCOUNT_ID, Map.of(), System.out);
    }

    public FunctionHostSettings withVariables(Map<String, String> variables) {
        return new FunctionHostSettings(packagesDirectory, region, accountId, variables, functionOutput);
    }
}
