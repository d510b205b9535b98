package dev.catalog.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ECS task runs the configuration of debezium-server/application.properties: every property is set in the
 * container's environment (or secrets), with the same value unless it is one of the file's "where it runs"
 * properties; and every DEBEZIUM_* or QUARKUS_* variable names a property of the file, or one of the few only AWS
 * needs. Debezium ignores a variable it has no use for, so a misspelt one would silently leave the local value.
 */
final class DebeziumTaskCheck {

    /** Properties only the ECS task sets: MSK's SASL/SCRAM over TLS, which the local plaintext broker must not get. */
    static final Set<String> AWS_ONLY = Set.of(
            "debezium.sink.kafka.producer.security.protocol",
            "debezium.sink.kafka.producer.sasl.mechanism",
            "debezium.sink.kafka.producer.sasl.jaas.config");

    private final DebeziumProperties debezium;

    DebeziumTaskCheck(DebeziumProperties debezium) {
        this.debezium = debezium;
    }

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> containers = debeziumContainers(template);
        if (containers.isEmpty()) {
            problems.add("no ECS container runs Debezium Server (an image parameter named Debezium*)");
        }
        containers.forEach((where, container) -> {
            Map<String, Object> environment = new LinkedHashMap<>();
            CloudFormationTemplate.list(container.get("Environment")).forEach(entry -> environment.put(
                    String.valueOf(CloudFormationTemplate.map(entry).get("Name")), CloudFormationTemplate.map(entry).get("Value")));
            Set<String> secrets = new LinkedHashSet<>();
            CloudFormationTemplate.list(container.get("Secrets")).forEach(entry ->
                    secrets.add(String.valueOf(CloudFormationTemplate.map(entry).get("Name"))));
            debezium.values().forEach((property, value) -> {
                String variable = DebeziumProperties.variable(property);
                if (!DebeziumProperties.property(variable).equals(property)) {
                    problems.add("debezium-server/application.properties: " + property
                            + " cannot be set by an environment variable (upper case or underscore in its name)");
                } else if (!environment.containsKey(variable) && !secrets.contains(variable)) {
                    problems.add(where + ": " + variable + " is not set (application.properties has " + property + ")");
                } else if (!debezium.whereItRuns().contains(property) && environment.containsKey(variable)
                        && !value.equals(environment.get(variable))) {
                    problems.add(where + ": " + variable + " is " + environment.get(variable)
                            + " but application.properties has " + property + "=" + value);
                }
            });
            environment.keySet().stream().filter(variable -> variable.startsWith("DEBEZIUM_") || variable.startsWith("QUARKUS_"))
                    .filter(variable -> !debezium.values().containsKey(DebeziumProperties.property(variable)))
                    .filter(variable -> !AWS_ONLY.contains(DebeziumProperties.property(variable)))
                    .forEach(variable -> problems.add(where + ": " + variable + " sets "
                            + DebeziumProperties.property(variable) + ", which application.properties does not have"));
        });
        return problems;
    }

    /** Containers whose Image is a Debezium* parameter, by where they are in the template. */
    private static Map<String, Map<String, Object>> debeziumContainers(CloudFormationTemplate template) {
        Map<String, Map<String, Object>> containers = new LinkedHashMap<>();
        template.resourcesOfType("AWS::ECS::TaskDefinition").forEach((id, task) -> {
            List<Object> definitions = CloudFormationTemplate.list(
                    CloudFormationTemplate.map(task.get("Properties")).get("ContainerDefinitions"));
            for (Object definition : definitions) {
                Map<String, Object> container = CloudFormationTemplate.map(definition);
                if (CloudFormationTemplate.map(container.get("Image")).get("Ref") instanceof String image
                        && image.startsWith("Debezium")) {
                    containers.put(id + "." + container.get("Name"), container);
                }
            }
        });
        return containers;
    }
}
