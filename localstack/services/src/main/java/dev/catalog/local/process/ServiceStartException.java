package dev.catalog.local.process;

/** A service did not come up. The message says which, why as far as known, and where its log is. */
public final class ServiceStartException extends RuntimeException {

    public ServiceStartException(String message) {
        super(message);
    }

    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
