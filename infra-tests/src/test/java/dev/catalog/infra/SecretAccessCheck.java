package dev.catalog.infra;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Least privilege between the functions: each function may read the one database secret its {@code DB_SECRET_ARN}
 * names and no other (a function without one reads none), and a function that only answers GET routes holds no
 * policy that writes (the master credentials, {@code DatabaseAccessPolicy}; the search indices,
 * {@code SearchAccessPolicy}). The setup step's function is the exception: it gives every role its password.
 */
final class SecretAccessCheck {

    /** What {@code DatabaseAccessPolicy} grants: the master user's secret. */
    static final String MASTER = "Database.MasterUserSecret";
    private static final Set<String> WRITE_POLICIES = Set.of("DatabaseAccessPolicy", "SearchAccessPolicy");

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        String setupFunction = setupFunction(template);
        template.functions().forEach((id, function) -> {
            if (id.equals(setupFunction)) {
                return;
            }
            Optional<String> own = secret(function.environment().get("DB_SECRET_ARN"));
            Set<String> readable = readableSecrets(function);
            own.filter(secret -> !readable.contains(secret)).ifPresent(secret ->
                    problems.add(id + ": DB_SECRET_ARN names " + secret + " but its policies do not let it read it"));
            readable.stream().filter(secret -> own.map(o -> !o.equals(secret)).orElse(true)).forEach(secret ->
                    problems.add(id + ": may read " + secret + ", which is not its own database secret"));
            if (answersOnlyGets(function)) {
                managedPolicies(function).stream().filter(WRITE_POLICIES::contains).forEach(policy ->
                        problems.add(id + ": only answers GET routes but holds " + policy + ", which writes"));
            }
        });
        return problems;
    }

    /** The function behind the custom resource CatalogSetup (its ServiceToken is the function's alias). */
    private static String setupFunction(CloudFormationTemplate template) {
        Map<String, Object> setup = template.resources().getOrDefault("CatalogSetup", Map.of());
        Object token = CloudFormationTemplate.map(setup.get("Properties")).get("ServiceToken");
        String reference = String.valueOf(CloudFormationTemplate.map(token).get("Ref"));
        return reference.endsWith(".Alias") ? reference.substring(0, reference.length() - ".Alias".length()) : reference;
    }

    /** {@code !Ref Secret} gives the secret's logical id; the master user's secret is {@link #MASTER}. */
    private static Optional<String> secret(Object value) {
        Map<String, Object> intrinsic = CloudFormationTemplate.map(value);
        if (intrinsic.get("Ref") instanceof String id) {
            return Optional.of(id);
        }
        Object getAtt = intrinsic.get("Fn::GetAtt");
        String attribute = getAtt instanceof List<?> parts
                ? String.join(".", parts.stream().map(String::valueOf).toList()) : String.valueOf(getAtt);
        if (attribute.startsWith(MASTER + ".")) {
            return Optional.of(MASTER);
        }
        return Optional.empty();
    }

    private static Set<String> readableSecrets(CloudFormationTemplate.ServerlessFunction function) {
        Set<String> secrets = new LinkedHashSet<>();
        for (Object policy : CloudFormationTemplate.list(function.properties().get("Policies"))) {
            Map<String, Object> template = CloudFormationTemplate.map(policy);
            secret(CloudFormationTemplate.map(template.get("AWSSecretsManagerGetSecretValuePolicy")).get("SecretArn"))
                    .ifPresent(secrets::add);
            if ("DatabaseAccessPolicy".equals(template.get("Ref"))) {
                secrets.add(MASTER);
            }
        }
        return secrets;
    }

    private static Set<String> managedPolicies(CloudFormationTemplate.ServerlessFunction function) {
        Set<String> policies = new LinkedHashSet<>();
        for (Object policy : CloudFormationTemplate.list(function.properties().get("Policies"))) {
            if (CloudFormationTemplate.map(policy).get("Ref") instanceof String id) {
                policies.add(id);
            }
        }
        return policies;
    }

    private static boolean answersOnlyGets(CloudFormationTemplate.ServerlessFunction function) {
        Map<String, Map<String, Object>> routes = function.events("HttpApi");
        return !routes.isEmpty() && function.events().size() == routes.size()
                && routes.values().stream().allMatch(route -> "GET".equalsIgnoreCase(String.valueOf(route.get("Method"))));
    }
}
