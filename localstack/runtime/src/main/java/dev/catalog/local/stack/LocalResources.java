package dev.catalog.local.stack;

import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.template.IntrinsicResolver;
import java.util.Map;
import java.util.Optional;

/**
 * What template.yaml's references mean locally. Parameters get the local stack's values; the resources the local
 * stack stands in for (the database, the Kafka cluster, the search domain, the setup step's attributes) resolve to
 * its endpoints; pseudo parameters get the local region and account; any other resource a function refers to gets
 * a local ARN, which functions only pass around.
 *
 * <p>Functions get their endpoints and credentials from {@link LocalStack#functionVariables} as well, which win
 * over the template's: the values here keep what the template computes from them (DB_URL, OPENSEARCH_URL) local.
 */
final class LocalResources implements IntrinsicResolver {

    private final Map<String, String> parameters;
    private final Map<String, String> resources;
    private final Map<String, String> attributes;

    LocalResources(Map<String, String> parameters, Map<String, String> resources, Map<String, String> attributes) {
        this.parameters = Map.copyOf(parameters);
        this.resources = Map.copyOf(resources);
        this.attributes = Map.copyOf(attributes);
    }

    static LocalResources forStack(StackPorts ports) {
        String kafka = "127.0.0.1:" + ports.kafka();
        return new LocalResources(
                Map.of(
                        "Stage", "local",
                        "JwtIssuer", LocalTokenIssuer.ISSUER,
                        "JwtAudience", LocalTokenIssuer.AUDIENCE),
                // The local Kafka broker, which every MSK event's Stream stands for.
                Map.of("Kafka", arn("kafka", "cluster/catalog-local-kafka/00000000-0000-0000-0000-000000000000-1")),
                Map.of(
                        "Database.Endpoint.Address", "127.0.0.1",
                        "Database.Endpoint.Port", Integer.toString(ports.postgres()),
                        "Database.MasterUserSecret.SecretArn", arn("secretsmanager", "secret:catalog-local-database"),
                        "SearchDomain.DomainEndpoint", "127.0.0.1:" + ports.openSearch(),
                        "CatalogSetup.KafkaBootstrapServersIam", kafka,
                        "CatalogSetup.KafkaBootstrapServersScram", kafka));
    }

    @Override
    public Optional<String> ref(String logicalName) {
        return switch (logicalName) {
            case "AWS::Region" -> Optional.of(FunctionHostSettings.LOCAL_REGION);
            case "AWS::AccountId" -> Optional.of(FunctionHostSettings.LOCAL_ACCOUNT_ID);
            case "AWS::Partition" -> Optional.of("aws");
            case "AWS::URLSuffix" -> Optional.of("amazonaws.com");
            case "AWS::StackName" -> Optional.of("catalog-local");
            default -> Optional.ofNullable(parameters.get(logicalName)).or(() -> Optional.ofNullable(resources.get(logicalName)));
        };
    }

    @Override
    public Optional<String> getAtt(String logicalId, String attribute) {
        String known = attributes.get(logicalId + "." + attribute);
        if (known != null) {
            return Optional.of(known);
        }
        return Optional.of(attribute.equals("Arn") ? arn("local", logicalId) : logicalId + "." + attribute);
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + FunctionHostSettings.LOCAL_REGION + ":" + FunctionHostSettings.LOCAL_ACCOUNT_ID + ":" + resource;
    }
}
