package dev.catalog.local.template;

import java.util.Map;
import java.util.Optional;

/**
 * An {@code AWS::Serverless::HttpApi}, or SAM's implicit {@value HttpApiEvent#IMPLICIT_API}, with
 * {@code Globals.HttpApi} merged in: the part the local HTTP API needs, its authorizers.
 *
 * @param defaultAuthorizer the authorizer of every route that does not name its own
 */
public record HttpApi(String logicalId, Map<String, HttpApiAuthorizer> authorizers, Optional<String> defaultAuthorizer) {

    public HttpApi {
        authorizers = Map.copyOf(authorizers);
    }
}
