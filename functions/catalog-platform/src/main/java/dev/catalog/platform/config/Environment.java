package dev.catalog.platform.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The function's environment variables: its configuration, as template.yaml sets it.
 *
 * <p>In Lambda they are the process environment. The local runtime hosts every function in one JVM, each in its
 * own class loader (its own copy of this class), and hands each function the variables template.yaml gives it
 * through {@link #provideForLocalHosting(Map)} before the handler is created. Nothing else may call that.
 */
public final class Environment {

    private static volatile Map<String, String> hosted;

    private Environment() {
    }

    public static Map<String, String> variables() {
        Map<String, String> provided = hosted;
        return provided != null ? provided : System.getenv();
    }

    public static Optional<String> optional(String name) {
        return Optional.ofNullable(variables().get(name)).filter(value -> !value.isBlank());
    }

    /** The variable's value; a missing one stops the function at start with a message that names it. */
    public static String required(String name) {
        return optional(name).orElseThrow(() -> new MissingConfigurationException(name));
    }

    /** Called by the local runtime, reflectively, in the function's own class loader. */
    public static void provideForLocalHosting(Map<String, String> variables) {
        hosted = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    }

    /** A required environment variable is not set. */
    public static final class MissingConfigurationException extends IllegalStateException {
        public MissingConfigurationException(String name) {
            super("environment variable " + name + " is required but not set");
        }
    }
}
