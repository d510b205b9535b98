package dev.catalog.local.cli;

import dev.catalog.local.functions.FunctionHostSettings;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/** AWS SDK clients pointed at the running stack's AWS endpoint, with any credentials (the endpoint takes them all). */
final class LocalAws {

    private LocalAws() {
    }

    static SfnClient stepFunctions(RunningStack stack) {
        return SfnClient.builder().endpointOverride(endpoint(stack)).region(Region.of(FunctionHostSettings.LOCAL_REGION))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static LambdaClient lambda(RunningStack stack) {
        return LambdaClient.builder().endpointOverride(endpoint(stack)).region(Region.of(FunctionHostSettings.LOCAL_REGION))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static URI endpoint(RunningStack stack) {
        return URI.create("http://127.0.0.1:" + stack.ports().aws());
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
