package dev.catalog.local.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.catalog.local.template.HttpApiAuthorizer;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * API Gateway's JWT authorizer, checking tokens against the local signing keys instead of the issuer's
 * {@code jwks_uri}: the token from the identity source (a {@code Bearer } prefix allowed), an RSA signature by the
 * key its {@code kid} names, {@code iss} equal to the issuer, {@code aud} (or, without one, {@code client_id})
 * among the audiences, {@code exp} in the future, {@code nbf} and {@code iat} not; then the route's scopes.
 *
 * <p>A valid token's claims reach the function as API Gateway passes them, every value a string: numbers as
 * written, arrays as {@code [a b c]}.
 *
 * <p>A client sends the same token with every request until it expires, so a token whose signature verified is
 * kept (as API Gateway caches its authorizer's results) and its RSA check, the costly part, is not repeated; the
 * time and audience checks still run on every request.
 */
final class JwtAuthorizer {

    private static final Set<JWSAlgorithm> RSA_ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);
    private static final String HEADER_SOURCE = "$request.header.";
    private static final String QUERY_SOURCE = "$request.querystring.";

    sealed interface Decision {
    }

    /** The token is good: its claims as API Gateway renders them, its scopes if it has any. */
    record Authorized(Map<String, String> claims, Optional<List<String>> scopes) implements Decision {
    }

    /** The request is turned away with API Gateway's answer. */
    record Denied(GatewayResponse response, String reason) implements Decision {
    }

    private static final int VERIFIED_TOKENS_KEPT = 10_000;

    private final HttpApiAuthorizer.Jwt authorizer;
    private final JWKSet keys;
    private final Clock clock;
    private final Cache<String, SignedJWT> verified = Caffeine.newBuilder().maximumSize(VERIFIED_TOKENS_KEPT).build();

    JwtAuthorizer(HttpApiAuthorizer.Jwt authorizer, JWKSet keys, Clock clock) {
        if (!authorizer.identitySource().startsWith(HEADER_SOURCE) && !authorizer.identitySource().startsWith(QUERY_SOURCE)) {
            throw new IllegalArgumentException("identity source " + authorizer.identitySource() + " of authorizer "
                    + authorizer.name() + " is not served locally: use $request.header.* or $request.querystring.*");
        }
        this.authorizer = authorizer;
        this.keys = keys;
        this.clock = clock;
    }

    Decision authorize(HttpApiRequest request, List<String> routeScopes) {
        Optional<String> token = token(request);
        if (token.isEmpty()) {
            return new Denied(GatewayResponse.unauthorized("Bearer"), "no token in " + authorizer.identitySource());
        }
        SignedJWT jwt = verified.getIfPresent(token.get());
        if (jwt == null) {
            try {
                jwt = SignedJWT.parse(token.get());
                jwt.getJWTClaimsSet();
            } catch (ParseException e) {
                return invalid("the token is malformed");
            }
            if (!hasValidSignature(jwt)) {
                return invalid("the token signature is invalid");
            }
            verified.put(token.get(), jwt);
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            return invalid("the token is malformed");
        }
        Instant now = clock.instant();
        if (!authorizer.issuer().equals(claims.getIssuer())) {
            return invalid("the token does not have a valid issuer");
        }
        if (!hasValidAudience(claims)) {
            return invalid("the token does not have a valid audience");
        }
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            return invalid("the token has expired");
        }
        if (isAfter(claims.getNotBeforeTime(), now) || isAfter(claims.getIssueTime(), now)) {
            return invalid("the token is not valid yet");
        }
        Optional<List<String>> scopes = scopes(claims);
        if (!routeScopes.isEmpty() && scopes.orElse(List.of()).stream().noneMatch(routeScopes::contains)) {
            return new Denied(GatewayResponse.forbidden("Bearer scope=\"" + String.join(" ", routeScopes)
                    + "\" error=\"insufficient_scope\" error_description=\"the token does not have the required scope\""),
                    "none of the scopes " + routeScopes);
        }
        return new Authorized(renderedClaims(claims), scopes);
    }

    private Optional<String> token(HttpApiRequest request) {
        String source = authorizer.identitySource();
        Optional<String> value = source.startsWith(HEADER_SOURCE)
                ? request.header(source.substring(HEADER_SOURCE.length()))
                : Optional.ofNullable(request.queryParameters().get(source.substring(QUERY_SOURCE.length())))
                        .map(values -> values.getFirst());
        return value.map(String::strip)
                .map(text -> text.regionMatches(true, 0, "Bearer ", 0, 7) ? text.substring(7).strip() : text)
                .filter(text -> !text.isEmpty());
    }

    private boolean hasValidSignature(SignedJWT jwt) {
        String keyId = jwt.getHeader().getKeyID();
        JWK key = keyId == null ? null : keys.getKeyByKeyId(keyId);
        if (!(key instanceof RSAKey rsaKey) || !RSA_ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        try {
            return jwt.verify(new RSASSAVerifier(rsaKey));
        } catch (JOSEException e) {
            return false;
        }
    }

    /** {@code aud} decides when present; only a token without one is judged by its {@code client_id}. */
    private boolean hasValidAudience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (audience.isEmpty()) {
            Object clientId = claims.getClaim("client_id");
            return clientId instanceof String id && authorizer.audiences().contains(id);
        }
        return audience.stream().anyMatch(authorizer.audiences()::contains);
    }

    private static Optional<List<String>> scopes(JWTClaimsSet claims) {
        Object scope = claims.getClaim("scope") != null ? claims.getClaim("scope") : claims.getClaim("scp");
        return switch (scope) {
            case String text -> Optional.of(Arrays.stream(text.split(" ")).filter(s -> !s.isEmpty()).toList());
            case List<?> list -> Optional.of(list.stream().map(String::valueOf).toList());
            case null, default -> Optional.empty();
        };
    }

    private Denied invalid(String description) {
        return new Denied(GatewayResponse.unauthorized(
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + description + "\""), description);
    }

    private static boolean isAfter(Date time, Instant now) {
        return time != null && time.toInstant().isAfter(now);
    }

    private static Map<String, String> renderedClaims(JWTClaimsSet claims) {
        Map<String, String> rendered = new LinkedHashMap<>();
        claims.toJSONObject().forEach((name, value) -> rendered.put(name, render(value)));
        return rendered;
    }

    /** A claim value as API Gateway writes it, which is how Go's fmt prints the decoded JSON value. */
    static String render(Object value) {
        return switch (value) {
            case null -> "<nil>";
            case List<?> list -> "[" + String.join(" ", list.stream().map(JwtAuthorizer::render).toList()) + "]";
            case Map<?, ?> map -> {
                Map<String, String> sorted = new TreeMap<>();
                map.forEach((key, entry) -> sorted.put(String.valueOf(key), render(entry)));
                yield "map[" + String.join(" ", sorted.entrySet().stream()
                        .map(entry -> entry.getKey() + ":" + entry.getValue()).toList()) + "]";
            }
            case Double number when number == Math.rint(number) && !Double.isInfinite(number) ->
                    String.format(Locale.ROOT, "%.0f", number);
            default -> String.valueOf(value);
        };
    }
}
