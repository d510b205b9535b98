package dev.catalog.local.template;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A route of an HTTP API that invokes the function ({@code Type: HttpApi}).
 *
 * @param apiId                 logical id of the {@code AWS::Serverless::HttpApi}; SAM's implicit
 *                              {@value #IMPLICIT_API} when the event names none
 * @param method                upper case; {@code ANY} matches every method
 * @param path                  {@code /products/{id}}, or {@value #DEFAULT_ROUTE} for the catch-all route
 * @param authorizer            the authorizer this route uses; empty means the API's default,
 *                              {@value #NO_AUTHORIZER} means none
 * @param authorizationScopes   scopes of which the token must carry at least one
 * @param payloadFormatVersion  {@code 2.0} unless the template says otherwise (SAM's default)
 * @param timeout               the integration timeout ({@code TimeoutInMillis}), when set
 */
public record HttpApiEvent(String name, String apiId, String method, String path, Optional<String> authorizer,
                           List<String> authorizationScopes, String payloadFormatVersion,
                           Optional<Duration> timeout) implements FunctionEvent {

    public static final String IMPLICIT_API = "ServerlessHttpApi";
    public static final String DEFAULT_ROUTE = "$default";
    public static final String NO_AUTHORIZER = "NONE";

    public HttpApiEvent {
        authorizationScopes = List.copyOf(authorizationScopes);
    }

    /** The route's key as API Gateway names it: {@code POST /products}, or {@code $default}. */
    public String routeKey() {
        return isDefaultRoute() ? DEFAULT_ROUTE : method + " " + path;
    }

    public boolean isDefaultRoute() {
        return path.equals(DEFAULT_ROUTE);
    }
}
