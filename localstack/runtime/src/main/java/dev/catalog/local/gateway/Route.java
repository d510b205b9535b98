package dev.catalog.local.gateway;

import java.util.Optional;

/**
 * A route of the HTTP API and the function it invokes.
 *
 * @param routeKey  {@code POST /products}, or {@code $default}
 * @param method    upper case, {@code ANY} for every method
 * @param path      the path template; empty for the {@code $default} route
 */
record Route(String routeKey, String method, Optional<PathTemplate> path, String functionLogicalId,
             RouteAuthorization authorization) {

    static final String ANY = "ANY";

    boolean isDefault() {
        return path.isEmpty();
    }
}
