package dev.catalog.setup.cloudformation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a custom resource's answer to the pre-signed S3 URL of its request. Until one arrives, CloudFormation waits
 * (up to the resource's ServiceTimeout): so transient failures are retried, and none is thrown at the caller, who
 * has nothing better to do than log it.
 */
public final class CloudFormationResponder {

    private static final Logger log = LoggerFactory.getLogger(CloudFormationResponder.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 4;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Duration firstBackoff;

    public CloudFormationResponder() {
        this(Duration.ofSeconds(1));
    }

    /** @param firstBackoff the wait before the first retry, doubled before each next one */
    public CloudFormationResponder(Duration firstBackoff) {
        this.firstBackoff = firstBackoff;
    }

    /** @return whether CloudFormation took the answer */
    public boolean send(String responseUrl, CustomResourceResponse response) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the custom resource response", e);
        }
        // No Content-Type: the URL is signed for none, and S3 refuses a request whose headers differ from it.
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                .timeout(TIMEOUT)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        Duration backoff = firstBackoff;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    log.info("answered CloudFormation {} for {}", response.status(), response.logicalResourceId());
                    return true;
                }
                log.warn("CloudFormation's response URL answered {} (attempt {} of {}): {}", answer.statusCode(),
                        attempt, ATTEMPTS, answer.body());
                if (answer.statusCode() / 100 == 4) {
                    return false;
                }
            } catch (IOException e) {
                log.warn("cannot reach CloudFormation's response URL (attempt {} of {})", attempt, ATTEMPTS, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sleep(backoff);
            backoff = backoff.multipliedBy(2);
        }
        log.error("CloudFormation never got the answer {} for {}: the stack waits until the resource's timeout",
                response.status(), response.logicalResourceId());
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
