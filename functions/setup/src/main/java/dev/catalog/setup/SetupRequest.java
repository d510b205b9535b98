package dev.catalog.setup;

import dev.catalog.infra.db.DatabaseRole;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the template tells the setup step (the custom resource's properties).
 *
 * @param kafkaClusterArn   the MSK cluster whose topics it creates
 * @param roleSecretArns    each database role's secret ({@code <secret logical id>Arn} properties), Debezium's too
 * @param debeziumKafkaUser Debezium Server's SASL/SCRAM user on MSK, whose ACLs it creates
 */
public record SetupRequest(String kafkaClusterArn, Map<DatabaseRole, String> roleSecretArns, String debeziumKafkaUser) {

    public SetupRequest {
        Objects.requireNonNull(kafkaClusterArn, "kafkaClusterArn");
        roleSecretArns = Map.copyOf(roleSecretArns);
        Objects.requireNonNull(debeziumKafkaUser, "debeziumKafkaUser");
    }

    /** From the resource's properties; a missing one is named, so the stack event says what to fix. */
    public static SetupRequest from(Map<String, Object> properties) {
        Map<String, Object> given = properties == null ? Map.of() : properties;
        String cluster = required(given, "KafkaClusterArn");
        Map<DatabaseRole, String> roleSecrets = new EnumMap<>(DatabaseRole.class);
        for (DatabaseRole role : DatabaseRole.values()) {
            roleSecrets.put(role, required(given, role.secret() + "Arn"));
        }
        return new SetupRequest(cluster, roleSecrets, required(given, "DebeziumKafkaUser"));
    }

    private static String required(Map<String, Object> properties, String name) {
        Object value = properties.get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("the setup resource needs the property " + name);
        }
        return text;
    }
}
