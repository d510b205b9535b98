package dev.catalog.infra;

import dev.catalog.local.template.CloudFormationYaml;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CloudFormation template as plain JSON-like values in the long form SAM's schema and CloudFormation itself see,
 * read by the same reader the local runtime uses ({@link CloudFormationYaml#readLongForm}).
 *
 * @param file the template, whose directory relative paths (CodeUri, DefinitionUri) start from
 */
record CloudFormationTemplate(Path file, Map<String, Object> document) {

    static CloudFormationTemplate load(Path file) {
        return new CloudFormationTemplate(file, CloudFormationYaml.readLongForm(file));
    }

    Path directory() {
        return file.toAbsolutePath().getParent();
    }

    /** Resources by logical id, in the template's order. */
    Map<String, Map<String, Object>> resources() {
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        map(document.getOrDefault("Resources", Map.of())).forEach((id, resource) -> resources.put(id, map(resource)));
        return resources;
    }

    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                matching.put(id, resource);
            }
        });
        return matching;
    }

    /** The {@code AWS::Serverless::Function}s with Globals.Function merged in, as SAM merges them. */
    Map<String, ServerlessFunction> functions() {
        Map<String, Object> globals = map(map(document.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        Map<String, ServerlessFunction> functions = new LinkedHashMap<>();
        resourcesOfType("AWS::Serverless::Function").forEach((id, resource) -> functions.put(id,
                new ServerlessFunction(id, merge(globals, map(resource.getOrDefault("Properties", Map.of()))))));
        return functions;
    }

    /** SAM's Globals rule: mappings merge key by key, the resource's value wins; anything else is replaced. */
    private static Map<String, Object> merge(Map<String, Object> global, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(global);
        own.forEach((key, value) -> merged.merge(key, value, (globalValue, ownValue) ->
                globalValue instanceof Map<?, ?> && ownValue instanceof Map<?, ?>
                        ? merge(map(globalValue), map(ownValue)) : ownValue));
        return merged;
    }

    /** A function of the template, its properties merged with the Globals. */
    record ServerlessFunction(String logicalId, Map<String, Object> properties) {

        Optional<String> text(String property) {
            return properties.get(property) instanceof String text ? Optional.of(text) : Optional.empty();
        }

        Map<String, Object> environment() {
            return map(map(properties.getOrDefault("Environment", Map.of())).getOrDefault("Variables", Map.of()));
        }

        /** Events by name, each with its Type and Properties. */
        Map<String, Map<String, Object>> events() {
            Map<String, Map<String, Object>> events = new LinkedHashMap<>();
            map(properties.getOrDefault("Events", Map.of())).forEach((name, event) -> events.put(name, map(event)));
            return events;
        }

        Map<String, Map<String, Object>> events(String type) {
            Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
            events().forEach((name, event) -> {
                if (type.equals(event.get("Type"))) {
                    matching.put(name, map(event.getOrDefault("Properties", Map.of())));
                }
            });
            return matching;
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }
}
