package dev.catalog.platform.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;

/**
 * Credentials as Secrets Manager keeps them for a database user: a JSON object with at least {@code username} and
 * {@code password} (the shape of Aurora's managed master secret and of generated secrets alike; other keys, such
 * as {@code engine} or {@code host}, are ignored).
 */
public record UsernamePassword(String username, String password) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public UsernamePassword {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /**
     * Reads a secret's value. The messages name the secret and what is missing, never the value: they end up in
     * logs and in CloudFormation events.
     */
    public static UsernamePassword parse(String secretString, String secretId) {
        JsonNode secret;
        try {
            secret = JSON.readTree(secretString == null ? "" : secretString);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("secret " + secretId + " is not a JSON object with username and password");
        }
        if (secret == null || !secret.isObject()) {
            throw new IllegalStateException("secret " + secretId + " is not a JSON object with username and password");
        }
        return new UsernamePassword(text(secret, "username", secretId), text(secret, "password", secretId));
    }

    private static String text(JsonNode secret, String field, String secretId) {
        JsonNode value = secret.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalStateException("secret " + secretId + " has no " + field);
        }
        return value.asText();
    }

    /** Without the password, which must never reach a log line. */
    @Override
    public String toString() {
        return "UsernamePassword[username=" + username + ", password=****]";
    }
}
