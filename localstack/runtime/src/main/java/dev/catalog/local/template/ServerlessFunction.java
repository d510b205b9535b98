package dev.catalog.local.template;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::Function} with {@code Globals.Function} merged in and its values resolved locally.
 *
 * @param functionName  the {@code FunctionName} property; without it CloudFormation makes a name up, and the local
 *                      runtime uses the logical id
 * @param handler       {@code package.Class::method}, or {@code package.Class} for a handler interface
 * @param codeUri       the deployment package (a zip, or a directory laid out the same way), resolved against the
 *                      template's directory
 * @param memorySizeMb  {@code MemorySize}; Lambda's 128 when unset
 * @param timeout       {@code Timeout}; Lambda's 3 seconds when unset
 * @param environment   {@code Environment.Variables}
 * @param events        by name, in the template's order
 */
public record ServerlessFunction(String logicalId, Optional<String> functionName, String handler, Path codeUri,
                                 String runtime, int memorySizeMb, Duration timeout, Map<String, String> environment,
                                 Map<String, FunctionEvent> events) {

    public static final int DEFAULT_MEMORY_SIZE_MB = 128;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    public ServerlessFunction {
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
    }

    /** The function's name in Lambda: {@code FunctionName}, or the logical id locally. */
    public String name() {
        return functionName.orElse(logicalId);
    }

    public <E extends FunctionEvent> List<E> events(Class<E> type) {
        return events.values().stream().filter(type::isInstance).map(type::cast).toList();
    }
}
