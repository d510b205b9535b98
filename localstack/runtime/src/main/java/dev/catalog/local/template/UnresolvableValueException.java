package dev.catalog.local.template;

/** A template value the local runtime needs cannot be computed from the local values it has. */
final class UnresolvableValueException extends RuntimeException {

    UnresolvableValueException(String message) {
        super(message, null, false, false);
    }
}
