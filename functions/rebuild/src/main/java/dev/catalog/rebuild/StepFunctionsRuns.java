package dev.catalog.rebuild;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;

/**
 * Runs are executions of the rebuild state machine: DescribeExecution says whether one is still RUNNING. Built on
 * first use, so nothing is connected before a SnapStart snapshot. In AWS the regional endpoint and the function's
 * role; against a local stack, its AWS endpoint ({@code AWS_ENDPOINT_URL}, the SDK's own setting), which takes any
 * credentials.
 */
final class StepFunctionsRuns implements Runs {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Optional<URI> endpoint;
    private final Region region;
    private SfnClient client;

    StepFunctionsRuns(Optional<URI> endpoint, Region region) {
        this.endpoint = endpoint;
        this.region = region;
    }

    @Override
    public boolean running(String runId) {
        if (runId == null || !runId.startsWith("arn:") || !runId.contains(":execution:")) {
            return false;
        }
        try {
            return client().describeExecution(describe -> describe.executionArn(runId)).status() == ExecutionStatus.RUNNING;
        } catch (ExecutionDoesNotExistException | InvalidArnException e) {
            return false;
        }
    }

    private synchronized SfnClient client() {
        if (client == null) {
            SfnClientBuilder builder = SfnClient.builder().region(region)
                    .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(TIMEOUT).socketTimeout(TIMEOUT).build());
            endpoint.ifPresent(local -> builder.endpointOverride(local)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))));
            client = builder.build();
        }
        return client;
    }
}
