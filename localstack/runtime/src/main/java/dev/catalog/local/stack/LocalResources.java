package dev.catalog.local.stack;

import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.template.IntrinsicResolver;
import java.util.Map;
import java.util.Optional;

/**
 * What template.yaml's references mean locally. Parameters that pick AWS resources get the local stack's values;
 * pseudo parameters get the local region and account; any other resource a function refers to gets a local ARN,
 * which functions only pass around (the local runtime gives them real endpoints through their variables).
 */
final class LocalResources implements IntrinsicResolver {

    private final Map<String, String> parameters;

    LocalResources(Map<String, String> parameters) {
        this.parameters = Map.copyOf(parameters);
    }

    static LocalResources forStack(StackPorts ports, String jdbcUrl) {
        return new LocalResources(Map.of(
                "Stage", "local",
                "JwtIssuer", LocalTokenIssuer.ISSUER,
                "JwtAudience", LocalTokenIssuer.AUDIENCE,
                "DatabaseUrl", jdbcUrl,
                "DatabaseSecretArn", arn("secretsmanager", "secret:catalog-local-database"),
                // The local Kafka broker, which every MSK event's Stream stands for.
                "KafkaClusterArn", arn("kafka", "cluster/catalog-local/00000000-0000-0000-0000-000000000000-1"),
                "KafkaBootstrapServers", "127.0.0.1:" + ports.kafka(),
                "SearchDomainEndpoint", "127.0.0.1:" + ports.openSearch()));
    }

    @Override
    public Optional<String> ref(String logicalName) {
        return switch (logicalName) {
            case "AWS::Region" -> Optional.of(FunctionHostSettings.LOCAL_REGION);
            case "AWS::AccountId" -> Optional.of(FunctionHostSettings.LOCAL_ACCOUNT_ID);
            case "AWS::Partition" -> Optional.of("aws");
            case "AWS::URLSuffix" -> Optional.of("amazonaws.com");
            case "AWS::StackName" -> Optional.of("catalog-local");
            default -> Optional.ofNullable(parameters.get(logicalName));
        };
    }

    @Override
    public Optional<String> getAtt(String logicalId, String attribute) {
        return Optional.of(attribute.equals("Arn") ? arn("local", logicalId) : logicalId + "." + attribute);
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + FunctionHostSettings.LOCAL_REGION + ":" + FunctionHostSettings.LOCAL_ACCOUNT_ID + ":" + resource;
    }
}
