package dev.catalog.platform.events;

/**
 * An event from the log that this code cannot turn back into a domain event: an unknown type, a schema
 * version from the future, or a payload that does not hold what its type promises. Consumers route it to
 * the dead-letter topic with this message; they never skip it silently.
 */
public final class UndecodableEventException extends Exception {

    public UndecodableEventException(String message) {
        super(message);
    }

    public UndecodableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
