package dev.catalog.local.template;

import java.util.Map;

/**
 * An event of a type the local runtime does not model (SQS, S3, ...): kept as the template wrote it, so the
 * runtime can say what it does not run instead of failing on it.
 */
public record OtherEvent(String name, String type, Map<String, Object> properties) implements FunctionEvent {

    public OtherEvent {
        properties = Map.copyOf(properties);
    }
}
