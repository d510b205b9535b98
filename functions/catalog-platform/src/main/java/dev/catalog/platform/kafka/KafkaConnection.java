package dev.catalog.platform.kafka;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How a function's own Kafka clients (a producer, an admin client) reach the cluster: plaintext for the local
 * broker, or Amazon MSK with IAM access control (signed with the function's role; the aws-msk-iam-auth library
 * must be on the class path).
 */
public record KafkaConnection(String bootstrapServers, Authentication authentication) {

    public enum Authentication {
        /** Plaintext, for the local broker. */
        NONE,
        /** SASL over TLS with the AWS_MSK_IAM mechanism. */
        IAM;

        /** {@code none} or {@code iam}, as a variable gives it ({@code name} says which, for the message). */
        public static Authentication parse(String value, String name) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "none" -> NONE;
                case "iam" -> IAM;
                default -> throw new IllegalStateException(name + " must be none or iam, not " + value);
            };
        }
    }

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(authentication, "authentication");
        if (bootstrapServers.isBlank()) {
            throw new IllegalStateException("KAFKA_BOOTSTRAP_SERVERS is empty");
        }
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
