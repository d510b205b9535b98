package dev.catalog.local.template;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::StateMachine}.
 *
 * @param name                     the {@code Name} property, resolved, when the template sets one
 * @param type                     STANDARD or EXPRESS; STANDARD by default
 * @param definitionUri            the ASL file, resolved against the template's directory, when the definition lives
 *                                 in a file
 * @param definition               the inline {@code Definition}, resolved, when it does not
 * @param definitionSubstitutions  {@code ${Name}} placeholders of the definition and their resolved values
 */
public record StateMachine(String logicalId, Optional<String> name, String type, Optional<Path> definitionUri,
                           Optional<Map<String, Object>> definition, Map<String, String> definitionSubstitutions) {

    public StateMachine {
        definitionSubstitutions = Map.copyOf(definitionSubstitutions);
    }
}
