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
 * @param secretStandIns    by secret ARN, the variables that stand in for a secret a template variable names (the
 *                          variable itself becomes empty): locally a function whose {@code DB_SECRET_ARN} names
 *                          its side's database secret gets that side's user as {@code DB_USER}/{@code DB_PASSWORD}
 */
public record FunctionHostSettings(Path packagesDirectory, String region, String accountId,
                                   Map<String, String> variables, PrintStream functionOutput,
                                   Map<String, Map<String, String>> secretStandIns) {

    public static final String LOCAL_REGION = "us-east-1";
    /** The account id local AWS emulators use, so that no ARN looks like a real account's. */
    public static final String LOCAL_ACCOUNT_ID = "000000000000";

    public FunctionHostSettings {
        Objects.requireNonNull(packagesDirectory, "packagesDirectory");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(functionOutput, "functionOutput");
        secretStandIns = Map.copyOf(secretStandIns);
    }

    /** Local region and account, no extra variables, function logs on standard output. */
    public static FunctionHostSettings local(Path packagesDirectory) {
        return new FunctionHostSettings(packagesDirectory, LOCAL_REGION, LOCAL_ACCOUNT_ID, Map.of(), System.out, Map.of());
    }

    public FunctionHostSettings withVariables(Map<String, String> variables) {
        return new FunctionHostSettings(packagesDirectory, region, accountId, variables, functionOutput, secretStandIns);
    }

    public FunctionHostSettings withSecretStandIns(Map<String, Map<String, String>> standIns) {
        return new FunctionHostSettings(packagesDirectory, region, accountId, variables, functionOutput, standIns);
    }
}
