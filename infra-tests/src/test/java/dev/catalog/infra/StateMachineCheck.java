package dev.catalog.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code ${X}} in a state machine's definition (its DefinitionUri file, or its inline Definition) is defined
 * in its DefinitionSubstitutions, and every substitution is used. CloudFormation leaves an undefined one in place,
 * so the machine fails only when it reaches that state, with an invalid ARN.
 */
final class StateMachineCheck {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::StateMachine").forEach((id, resource) -> {
            Map<String, Object> properties = CloudFormationTemplate.map(resource.get("Properties"));
            String definition;
            if (properties.get("DefinitionUri") instanceof String uri) {
                Path file = template.directory().resolve(uri).normalize();
                if (!Files.isRegularFile(file)) {
                    problems.add(id + ": DefinitionUri " + uri + " is not a file next to the template");
                    return;
                }
                definition = Repository.read(file);
            } else {
                try {
                    definition = JSON.writeValueAsString(properties.get("Definition"));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            Set<String> used = new TreeSet<>();
            Matcher placeholder = PLACEHOLDER.matcher(definition);
            while (placeholder.find()) {
                used.add(placeholder.group(1));
            }
            Set<String> defined = new TreeSet<>(CloudFormationTemplate.map(properties.get("DefinitionSubstitutions")).keySet());
            used.stream().filter(name -> !defined.contains(name)).forEach(name -> problems.add(
                    id + ": ${" + name + "} is used in its definition but not defined in DefinitionSubstitutions"));
            defined.stream().filter(name -> !used.contains(name)).forEach(name -> problems.add(
                    id + ": DefinitionSubstitutions defines " + name + ", which its definition never uses"));
        });
        return problems;
    }
}
