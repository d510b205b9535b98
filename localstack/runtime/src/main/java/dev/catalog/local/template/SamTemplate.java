package dev.catalog.local.template;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the local runtime hosts from template.yaml: the functions, the HTTP APIs in front of them and the state
 * machines, each with its Globals merged in and its values resolved to local ones. Other resources (databases,
 * clusters, roles) are what the local runtime replaces; they appear here only through the values it resolves.
 *
 * @param file       the template, absolute; relative paths in it ({@code CodeUri}, {@code DefinitionUri}) are
 *                   resolved against its directory
 * @param functions  {@code AWS::Serverless::Function}s by logical id, in the template's order
 * @param httpApis   {@code AWS::Serverless::HttpApi}s by logical id, with SAM's implicit API when events use it
 */
public record SamTemplate(Path file, Map<String, ServerlessFunction> functions, Map<String, HttpApi> httpApis,
                          Map<String, StateMachine> stateMachines) {

    public SamTemplate {
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        httpApis = Collections.unmodifiableMap(new LinkedHashMap<>(httpApis));
        stateMachines = Collections.unmodifiableMap(new LinkedHashMap<>(stateMachines));
    }

    /**
     * Reads the template and resolves what the local runtime needs.
     *
     * @throws TemplateException listing every problem: invalid YAML, malformed properties, values that cannot be
     *                           resolved locally
     */
    public static SamTemplate load(Path file, IntrinsicResolver resolver) {
        Path template = file.toAbsolutePath().normalize();
        return new SamTemplateReader(template, CloudFormationYaml.read(template), resolver).read();
    }

    public Path directory() {
        return file.getParent();
    }

    public ServerlessFunction function(String logicalId) {
        ServerlessFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + logicalId + " in " + file + "; its functions are "
                    + functions.keySet());
        }
        return function;
    }
}
