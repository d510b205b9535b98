package dev.catalog.setup.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Asks MSK for a cluster's bootstrap brokers: {@code GET /v1/clusters/{arn}/bootstrap-brokers}, signed with the
 * function's role (service {@code kafka}). The SDK's MSK client would do the same, but our registry does not serve
 * it; the signer and the HTTP client are the SDK's own.
 */
public final class MskBootstrapBrokers {

    private static final String SERVICE = "kafka";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Region region;

    public MskBootstrapBrokers(Region region) {
        this.region = region;
    }

    public BootstrapBrokers of(String clusterArn) {
        URI uri = URI.create("https://" + SERVICE + "." + region.id() + "." + region.metadata().partition().dnsSuffix()
                + "/v1/clusters/" + URLEncoder.encode(clusterArn, StandardCharsets.UTF_8) + "/bootstrap-brokers");
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(uri).build();
        try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
            SignedRequest signed = AwsV4HttpSigner.create().sign(signing -> signing
                    .identity(credentials.resolveCredentials())
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
            try (SdkHttpClient http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(TIMEOUT).socketTimeout(TIMEOUT).build()) {
                HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                        .request(signed.request()).build()).call();
                String body = body(response);
                if (!response.httpResponse().isSuccessful()) {
                    throw new IllegalStateException("MSK refused the bootstrap brokers of " + clusterArn + ": "
                            + response.httpResponse().statusCode() + " " + body);
                }
                return BootstrapBrokers.parse(body, clusterArn);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach MSK at " + uri.getHost() + " for the bootstrap brokers of "
                    + clusterArn, e);
        }
    }

    private static String body(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream body = response.responseBody().get()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
