package dev.catalog.local.template;

import java.util.Map;
import java.util.Optional;

/** A resolver for tests: the local values a runtime would supply, by name. */
public record LocalValues(Map<String, String> refs, Map<String, String> attributes) implements IntrinsicResolver {

    public static LocalValues none() {
        return new LocalValues(Map.of(), Map.of());
    }

    @Override
    public Optional<String> ref(String logicalName) {
        return Optional.ofNullable(refs.get(logicalName));
    }

    @Override
    public Optional<String> getAtt(String logicalId, String attribute) {
        return Optional.ofNullable(attributes.get(logicalId + "." + attribute));
    }
}
