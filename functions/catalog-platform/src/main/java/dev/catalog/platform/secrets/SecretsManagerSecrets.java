package dev.catalog.platform.secrets;

import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Reads secrets from AWS Secrets Manager with the function's role. The client is built on first use, so a class
 * initialised before a SnapStart snapshot holds no connection and no credentials.
 */
public final class SecretsManagerSecrets {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private SecretsManagerClient client;

    /** The current value of the secret ({@code AWSCURRENT}). */
    public synchronized String secretString(String secretId) {
        if (client == null) {
            client = SecretsManagerClient.builder()
                    .httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(TIMEOUT)
                            .socketTimeout(TIMEOUT)
                            .build())
                    .build();
        }
        return client.getSecretValue(request -> request.secretId(secretId)).secretString();
    }

    /** The secret's {@code username} and {@code password}. */
    public UsernamePassword usernamePassword(String secretId) {
        return UsernamePassword.parse(secretString(secretId), secretId);
    }
}
