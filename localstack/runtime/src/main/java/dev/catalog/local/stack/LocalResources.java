package dev.catalog.local.stack;

import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.template.IntrinsicResolver;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What template.yaml's references mean locally. Parameters that pick AWS resources get the local stack's values;
 * pseudo parameters get the local region and account; any other resource a function refers to gets a local ARN,
 * which functions only pass around (the local runtime gives them real endpoints through their variables).
 */
final class LocalResources implements IntrinsicResolver {

    private final Map<String, String> parameters;
    private final Set<String> functions;

    LocalResources(Map<String, String> parameters, Set<String> functions) {
        this.parameters = Map.copyOf(parameters);
        this.functions = Set.copyOf(functions);
    }

    /**
     * @param functions the logical ids of the template's functions: their ARNs (and their aliases', as
     *                  {@code !Ref Function.Alias} gives) are the local function host's
     */
    static LocalResources forStack(StackPorts ports, String jdbcUrl, Set<String> functions) {
        return new LocalResources(Map.of(
                "Stage", "local",
                "JwtIssuer", LocalTokenIssuer.ISSUER,
                "JwtAudience", LocalTokenIssuer.AUDIENCE,
                "DatabaseUrl", jdbcUrl,
                "DatabaseSecretArn", arn("secretsmanager", "secret:catalog-local-database"),
                // The local Kafka broker, which every MSK event's Stream stands for.
                "KafkaClusterArn", arn("kafka", "cluster/catalog-local/00000000-0000-0000-0000-000000000000-1"),
                "KafkaBootstrapServers", "127.0.0.1:" + ports.kafka(),
                "SearchDomainEndpoint", "127.0.0.1:" + ports.openSearch()), functions);
    }

    @Override
    public Optional<String> ref(String logicalName) {
        return switch (logicalName) {
            case "AWS::Region" -> Optional.of(FunctionHostSettings.LOCAL_REGION);
            case "AWS::AccountId" -> Optional.of(FunctionHostSettings.LOCAL_ACCOUNT_ID);
            case "AWS::Partition" -> Optional.of("aws");
            case "AWS::URLSuffix" -> Optional.of("amazonaws.com");
            case "AWS::StackName" -> Optional.of("catalog-local");
            default -> Optional.ofNullable(parameters.get(logicalName)).or(() -> functionRef(logicalName));
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
        if (attribute.equals("Arn")) {
            return Optional.of(functions.contains(logicalId) ? functionArn(logicalId) : arn("local", logicalId));
        }
        return Optional.of(logicalId + "." + attribute);
    }

    private static String functionArn(String logicalId) {
        return arn("lambda", "function:" + logicalId);
    }

    private static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + FunctionHostSettings.LOCAL_REGION + ":" + FunctionHostSettings.LOCAL_ACCOUNT_ID + ":" + resource;
    }
}
