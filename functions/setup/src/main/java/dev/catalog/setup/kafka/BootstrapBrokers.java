package dev.catalog.setup.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * An MSK cluster's bootstrap broker strings, one per way of signing in: IAM (port 9098) for the functions, SASL/SCRAM
 * (port 9096) for Debezium Server. CloudFormation has no attribute for them, hence this lookup.
 */
public record BootstrapBrokers(String saslIam, String saslScram) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public BootstrapBrokers {
        Objects.requireNonNull(saslIam, "saslIam");
        Objects.requireNonNull(saslScram, "saslScram");
    }

    /**
     * From MSK's GetBootstrapBrokers answer. The REST API spells its fields in camel case
     * ({@code bootstrapBrokerStringSaslIam}), the SDKs and the CLI in Pascal case: either is taken.
     */
    public static BootstrapBrokers parse(String answer, String clusterArn) {
        JsonNode brokers;
        try {
            brokers = JSON.readTree(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("MSK's bootstrap brokers of " + clusterArn + " are not JSON: " + answer, e);
        }
        return new BootstrapBrokers(field(brokers, "BootstrapBrokerStringSaslIam", clusterArn, "IAM"),
                field(brokers, "BootstrapBrokerStringSaslScram", clusterArn, "SASL/SCRAM"));
    }

    private static String field(JsonNode brokers, String name, String clusterArn, String authentication) {
        if (brokers != null) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = brokers.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equalsIgnoreCase(name) && field.getValue().isTextual()
                        && !field.getValue().asText().isBlank()) {
                    return field.getValue().asText();
                }
            }
        }
        throw new IllegalStateException("MSK cluster " + clusterArn + " has no " + authentication
                + " bootstrap brokers: is " + authentication + " authentication enabled on it?");
    }
}
