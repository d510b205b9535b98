package dev.catalog.local.process;

import java.nio.file.Path;

/**
 * The java launcher of the JVM we run in. Java services (Kafka, Debezium Server) run on it too, so the stack
 * needs exactly one JDK, the one the user already started us with.
 *
 * @param executable the {@code java} binary
 * @param feature    its feature release (21, 25, ...)
 */
public record JavaRuntime(Path executable, int feature) {

    public static JavaRuntime current() {
        Path executable = ProcessHandle.current().info().command().map(Path::of)
                .orElseThrow(() -> new ServiceStartException("cannot tell which java binary runs this JVM"));
        return new JavaRuntime(executable, Runtime.version().feature());
    }

    /** Fails with a message naming the service when this JVM is too old to run it. */
    public JavaRuntime requireAtLeast(int minimum, String service) {
        if (feature < minimum) {
            throw new ServiceStartException(service + " needs Java " + minimum + " or newer, but this JVM is Java "
                    + feature + " (" + executable + "); run with a newer JAVA_HOME");
        }
        return this;
    }
}
