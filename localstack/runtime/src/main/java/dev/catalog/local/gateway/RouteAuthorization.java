package dev.catalog.local.gateway;

import dev.catalog.local.template.HttpApiAuthorizer;
import java.util.List;

/** Who may call a route. */
sealed interface RouteAuthorization {

    /** Anyone: the route has no authorizer. */
    record None() implements RouteAuthorization {
    }

    /**
     * A valid token of the authorizer, carrying at least one of the scopes when the route names any.
     */
    record Jwt(HttpApiAuthorizer.Jwt authorizer, List<String> scopes) implements RouteAuthorization {
        public Jwt {
            scopes = List.copyOf(scopes);
        }
    }
}
