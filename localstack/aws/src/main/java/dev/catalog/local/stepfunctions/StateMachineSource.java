package dev.catalog.local.stepfunctions;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A state machine as the template declares it: {@code Name}, {@code DefinitionUri} (the ASL file),
 * {@code DefinitionSubstitutions} and the execution role.
 */
public record StateMachineSource(String name, Path definitionFile, Map<String, String> substitutions, String roleArn) {

    public StateMachineSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definitionFile, "definitionFile");
        substitutions = Map.copyOf(substitutions);
        Objects.requireNonNull(roleArn, "roleArn");
    }
}
