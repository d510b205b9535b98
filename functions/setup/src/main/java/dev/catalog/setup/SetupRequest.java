package dev.catalog.setup;

import java.util.Map;
import java.util.Objects;

/**
 * What the template tells the setup step (the custom resource's properties).
 *
 * @param kafkaClusterArn           the MSK cluster whose topics it creates
 * @param debeziumDatabaseSecretArn the secret of the database user Debezium Server connects as
 * @param outboxPublication         the publication Debezium reads the outbox through
 */
public record SetupRequest(String kafkaClusterArn, String debeziumDatabaseSecretArn, String outboxPublication) {

    public SetupRequest {
        Objects.requireNonNull(kafkaClusterArn, "kafkaClusterArn");
        Objects.requireNonNull(debeziumDatabaseSecretArn, "debeziumDatabaseSecretArn");
        Objects.requireNonNull(outboxPublication, "outboxPublication");
    }

    /** From the resource's properties; a missing one is named, so the stack event says what to fix. */
    public static SetupRequest from(Map<String, Object> properties) {
        Map<String, Object> given = properties == null ? Map.of() : properties;
        return new SetupRequest(required(given, "KafkaClusterArn"), required(given, "DebeziumDatabaseSecretArn"),
                required(given, "OutboxPublication"));
    }

    private static String required(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("the setup resource needs the property " + name);
        }
        return text;
    }
}
