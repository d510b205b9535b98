package dev.catalog.platform.events;

/**
 * An event written in a schema version newer than this code knows: written by a newer release of the command
 * functions while this consumer still runs the previous one (a deploy in progress, or in the wrong order). The
 * event is sound and this code is old, so it must not be dead-lettered: consumers fail it as retryable, and it is
 * applied once the code that knows its version is deployed.
 */
public final class UnknownSchemaVersionException extends Exception {

    public UnknownSchemaVersionException(String message) {
        super(message);
    }
}
