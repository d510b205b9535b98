package dev.catalog.local.template;

import java.util.List;
import java.util.Map;

/** An entry of an HTTP API's {@code Auth.Authorizers}. */
public sealed interface HttpApiAuthorizer {

    String name();

    /**
     * A JWT (OAuth 2.0) authorizer: API Gateway checks the token itself.
     *
     * @param identitySource where the token is, {@code $request.header.Authorization} unless the template says
     * @param issuer         {@code JwtConfiguration.issuer}, resolved
     * @param audiences      {@code JwtConfiguration.audience}, resolved; a token must carry one of them
     */
    record Jwt(String name, String identitySource, String issuer, List<String> audiences) implements HttpApiAuthorizer {
        public Jwt {
            audiences = List.copyOf(audiences);
        }
    }

    /** A Lambda or IAM authorizer, which the local runtime does not run; kept as written. */
    record Other(String name, Map<String, Object> properties) implements HttpApiAuthorizer {
        public Other {
            properties = Map.copyOf(properties);
        }
    }
}
