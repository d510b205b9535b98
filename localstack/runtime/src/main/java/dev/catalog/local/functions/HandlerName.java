package dev.catalog.local.functions;

import java.util.Objects;
import java.util.Optional;

/**
 * A Java handler as the {@code Handler} property names it: {@code package.Class::method}, or {@code package.Class}
 * when the class implements {@code RequestHandler} or {@code RequestStreamHandler}.
 */
public record HandlerName(String className, Optional<String> method) {

    public HandlerName {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(method, "method");
    }

    /** Reads the Handler property as the Java runtime does; a malformed one is the function's error, not ours. */
    public static HandlerName parse(String handler) {
        String trimmed = handler.strip();
        int separator = trimmed.indexOf("::");
        String className = separator < 0 ? trimmed : trimmed.substring(0, separator);
        Optional<String> method = separator < 0 ? Optional.empty() : Optional.of(trimmed.substring(separator + 2));
        if (className.isEmpty() || method.filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException("Invalid handler: `" + handler + "'");
        }
        return new HandlerName(className, method);
    }

    @Override
    public String toString() {
        return className + method.map(name -> "::" + name).orElse("");
    }
}
