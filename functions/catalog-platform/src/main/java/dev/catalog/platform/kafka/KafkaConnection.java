package dev.catalog.platform.kafka;

import dev.catalog.platform.config.Environment;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a function's own Kafka clients (a producer, an admin client) reach the cluster: {@code KAFKA_BOOTSTRAP_SERVERS}
 * and {@code KAFKA_AUTH}, {@code none} for the local broker or {@code iam} for Amazon MSK with IAM access control
 * (signed with the function's role; the aws-msk-iam-auth library must be on the class path).
 */
public record KafkaConnection(String bootstrapServers, Authentication authentication) {

    public enum Authentication {
        /** Plaintext, for the local broker. */
        NONE,
        /** SASL over TLS with the AWS_MSK_IAM mechanism. */
        IAM
    }

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(authentication, "authentication");
        if (bootstrapServers.isBlank()) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS is empty");
        }
    }

    public static KafkaConnection fromEnvironment() {
        return from(Environment::optional);
    }

    /** From variables looked up by name; a missing or malformed one fails with a message that names it. */
    public static KafkaConnection from(Function<String, Optional<String>> variables) {
        String servers = variables.apply("KAFKA_BOOTSTRAP_SERVERS")
                .orElseThrow(() -> new Environment.MissingConfigurationException("KAFKA_BOOTSTRAP_SERVERS"));
        String auth = variables.apply("KAFKA_AUTH")
                .orElseThrow(() -> new Environment.MissingConfigurationException("KAFKA_AUTH"));
        Authentication authentication = switch (auth.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> Authentication.NONE;
            case "iam" -> Authentication.IAM;
            default -> throw new IllegalStateException("KAFKA_AUTH must be none or iam, not " + auth);
        };
        return new KafkaConnection(servers.strip(), authentication);
    }

    /** The kafka-clients settings that connect and authenticate; a client adds its own to them. */
    public Map<String, Object> clientProperties() {
        return switch (authentication) {
            case NONE -> Map.of("bootstrap.servers", bootstrapServers);
            case IAM -> Map.of(
                    "bootstrap.servers", bootstrapServers,
                    "security.protocol", "SASL_SSL",
                    "sasl.mechanism", "AWS_MSK_IAM",
                    "sasl.jaas.config", "software.amazon.msk.auth.iam.IAMLoginModule required;",
                    "sasl.client.callback.handler.class", "software.amazon.msk.auth.iam.IAMClientCallbackHandler");
        };
    }
}
