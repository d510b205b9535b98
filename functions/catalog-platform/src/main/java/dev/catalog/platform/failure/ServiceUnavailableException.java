package dev.catalog.platform.failure;

import java.util.Objects;

/**
 * A service the function depends on cannot be reached or is overloaded right now: nothing the caller sent is at
 * fault, and the same call may succeed later. HTTP functions answer 503 with a Retry-After; batch functions fail
 * the batch so the event source delivers it again.
 */
public final class ServiceUnavailableException extends RuntimeException {

    private final String service;

    /** @param service what could not be reached, as a client may be told ("search index") */
    public ServiceUnavailableException(String service, String message, Throwable cause) {
        super(Objects.requireNonNull(service, "service") + " unavailable: " + message, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
