package dev.catalog.systemtest.support;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * Rebuilds as an operator runs them: the AWS SDK for Java v2 pointed at the stack's AWS endpoint, any credentials.
 * The state machine is found by name, as in AWS where its ARN comes from the stack's outputs.
 */
public final class Rebuilds implements AutoCloseable {

    private final SfnClient stepFunctions;
    private final LambdaClient lambda;
    private final String stateMachineArn;

    public Rebuilds(URI endpoint) {
        StaticCredentialsProvider anyCredentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        this.stepFunctions = SfnClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(anyCredentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(anyCredentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.stateMachineArn = stepFunctions.listStateMachines().stateMachines().stream()
                .filter(machine -> machine.name().startsWith("catalog-rebuild")).findFirst()
                .orElseThrow(() -> new AssertionError("no rebuild state machine on " + endpoint)).stateMachineArn();
    }

    public String start(String input) {
        return stepFunctions.startExecution(start -> start.stateMachineArn(stateMachineArn).input(input)).executionArn();
    }

    public DescribeExecutionResponse describe(String executionArn) {
        return stepFunctions.describeExecution(describe -> describe.executionArn(executionArn));
    }

    /** Waits for the execution to end, and answers how it ended. */
    public DescribeExecutionResponse awaitEnd(String executionArn, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> describe(executionArn).status() != ExecutionStatus.RUNNING);
        return describe(executionArn);
    }

    public void stop(String executionArn) {
        stepFunctions.stopExecution(stop -> stop.executionArn(executionArn).error("Test.Stopped").cause("stopped by the test"));
    }

    public int historyEvents(String executionArn) {
        return stepFunctions.getExecutionHistory(history -> history.executionArn(executionArn).maxResults(1000)).events().size();
    }

    /** Invokes RollbackProjectionFunction through Lambda's Invoke API, as {@code ./catalog rollback} does. */
    public String rollback(String projection) {
        return rollback(projection, null);
    }

    /** A rollback to {@code toVersion} (null: the version LIVE before the current one), which must succeed. */
    public String rollback(String projection, Integer toVersion) {
        InvokeResponse response = invokeRollback(projection, toVersion);
        if (response.functionError() != null) {
            throw new AssertionError("rollback failed: " + response.payload().asUtf8String());
        }
        return response.payload().asUtf8String();
    }

    /** A rollback that must be refused: the function's error, as Lambda's Invoke answers it. */
    public String refusedRollback(String projection) {
        InvokeResponse response = invokeRollback(projection, null);
        if (response.functionError() == null) {
            throw new AssertionError("rollback was not refused: " + response.payload().asUtf8String());
        }
        return response.payload().asUtf8String();
    }

    private InvokeResponse invokeRollback(String projection, Integer toVersion) {
        String input = "{\"projection\": \"" + projection + "\"" + (toVersion == null ? "" : ", \"toVersion\": " + toVersion) + "}";
        return lambda.invoke(invoke -> invoke.functionName("RollbackProjectionFunction").payload(SdkBytes.fromUtf8String(input)));
    }

    /** Invokes a task function of the state machine directly, as a retry would, and answers its output. */
    public String invoke(String function, String input) {
        InvokeResponse response = lambda.invoke(invoke -> invoke.functionName(function).payload(SdkBytes.fromUtf8String(input)));
        if (response.functionError() != null) {
            throw new AssertionError(function + " failed: " + response.payload().asUtf8String());
        }
        return response.payload().asUtf8String();
    }

    /** The LIVE version of each projection, and its target. */
    public static Map<String, Object> live(Database db, String projection) {
        return db.row("select version, target from projection_version where projection = ? and status = 'LIVE'", projection);
    }

    @Override
    public void close() {
        stepFunctions.close();
        lambda.close();
    }
}
