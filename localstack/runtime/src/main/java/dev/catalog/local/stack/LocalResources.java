package dev.catalog.local.stack;

import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.template.IntrinsicResolver;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** The database's master user secret ({@code Database.MasterUserSecret.SecretArn}), stood in for locally. */
    static final String MASTER_SECRET_ARN = arn("secretsmanager", "secret:catalog-local-database");

    private final Map<String, String> parameters;
    private final Map<String, String> resources;
    private final Map<String, String> attributes;
    private final Set<String> functions;

    LocalResources(Map<String, String> parameters, Map<String, String> resources, Map<String, String> attributes,
                   Set<String> functions) {
        this.parameters = Map.copyOf(parameters);
        this.resources = Map.copyOf(resources);
        this.attributes = Map.copyOf(attributes);
        this.functions = Set.copyOf(functions);
    }

    /**
     * @param functions the logical ids of the template's functions: their ARNs (and their aliases', as
     *                  {@code !Ref Function.Alias} gives) are the local function host's
     */
    static LocalResources forStack(StackPorts ports, Set<String> functions) {
        String kafka = "127.0.0.1:" + ports.kafka();
        Map<String, String> resources = new HashMap<>();
        // The local Kafka broker, which every MSK event's Stream stands for.
        resources.put("Kafka", arn("kafka", "cluster/catalog-local-kafka/00000000-0000-0000-0000-000000000000-1"));
        for (DatabaseRole role : DatabaseRole.values()) {
            resources.put(role.secret(), secretArn(role));
        }
        return new LocalResources(
                Map.of(
                        "Stage", "local",
                        "JwtIssuer", LocalTokenIssuer.ISSUER,
                        "JwtAudience", LocalTokenIssuer.AUDIENCE),
                resources,
                Map.of(
                        "Database.Endpoint.Address", "127.0.0.1",
                        "Database.Endpoint.Port", Integer.toString(ports.postgres()),
                        "Database.MasterUserSecret.SecretArn", MASTER_SECRET_ARN,
                        "SearchDomain.DomainEndpoint", "127.0.0.1:" + ports.openSearch(),
                        "CatalogSetup.KafkaBootstrapServersIam", kafka,
                        "CatalogSetup.KafkaBootstrapServersScram", kafka),
                functions);
    }

    @Override
    public Optional<String> ref(String logicalName) {
        return switch (logicalName) {
            case "AWS::Region" -> Optional.of(FunctionHostSettings.LOCAL_REGION);
            case "AWS::AccountId" -> Optional.of(FunctionHostSettings.LOCAL_ACCOUNT_ID);
            case "AWS::Partition" -> Optional.of("aws");
            case "AWS::URLSuffix" -> Optional.of("amazonaws.com");
            case "AWS::StackName" -> Optional.of("catalog-local");
            default -> Optional.ofNullable(parameters.get(logicalName))
                    .or(() -> Optional.ofNullable(resources.get(logicalName)))
                    .or(() -> functionRef(logicalName));
        };
    }

    /** {@code !Ref Function} is the function's name; {@code !Ref Function.Alias} (AutoPublishAlias) the alias's ARN. */
    private Optional<String> functionRef(String logicalName) {
        if (logicalName.endsWith(".Alias") && functions.contains(logicalName.substring(0, logicalName.length() - ".Alias".length()))) {
            return Optional.of(functionArn(logicalName.substring(0, logicalName.length() - ".Alias".length())) + ":live");
        }
        return functions.contains(logicalName) ? Optional.of(logicalName) : Optional.empty();
    }

    @Override
    public Optional<String> getAtt(String logicalId, String attribute) {
        String known = attributes.get(logicalId + "." + attribute);
        if (known != null) {
            return Optional.of(known);
        }
        if (attribute.equals("Arn")) {
            return Optional.of(functions.contains(logicalId) ? functionArn(logicalId) : arn("local", logicalId));
        }
        return Optional.of(logicalId + "." + attribute);
    }

    /** What {@code !Ref} of a database role's secret gives locally; the function host stands in for it. */
    static String secretArn(DatabaseRole role) {
        return arn("secretsmanager", "secret:catalog-local-" + role.roleName());
    }

    private static String functionArn(String logicalId) {
        return arn("lambda", "function:" + logicalId);
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + FunctionHostSettings.LOCAL_REGION + ":" + FunctionHostSettings.LOCAL_ACCOUNT_ID + ":" + resource;
    }
}
