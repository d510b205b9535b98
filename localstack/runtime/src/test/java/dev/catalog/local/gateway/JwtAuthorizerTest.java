package dev.catalog.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.catalog.local.auth.LocalSigningKey;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.template.HttpApiAuthorizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtAuthorizerTest {

    private static final Instant NOW = Instant.parse("2026-03-12T19:03:58Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final HttpApiAuthorizer.Jwt CATALOG_JWT = new HttpApiAuthorizer.Jwt("CatalogJwt",
            "$request.header.Authorization", LocalTokenIssuer.ISSUER, List.of(LocalTokenIssuer.AUDIENCE));

    @TempDir
    Path directory;

    private LocalSigningKey key;
    private JwtAuthorizer authorizer;

    @BeforeEach
    void createKey() {
        key = LocalSigningKey.loadOrCreate(directory.resolve("auth"));
        authorizer = new JwtAuthorizer(CATALOG_JWT, key.publicKeys(), CLOCK);
    }

    @Test
    void accepts_a_token_of_the_local_issuer_and_passes_its_claims_as_strings() {
        String token = new LocalTokenIssuer(key, CLOCK).issue("acme");

        JwtAuthorizer.Authorized authorized = authorized(authorizer.authorize(request("Bearer " + token), List.of()));

        assertThat(authorized.claims())
                .containsEntry("tenant_id", "acme")
                .containsEntry("iss", "catalog-local")
                .containsEntry("aud", "catalog-api")
                .containsEntry("exp", Long.toString(NOW.plus(LocalTokenIssuer.LIFETIME).getEpochSecond()))
                .containsEntry("iat", Long.toString(NOW.getEpochSecond()));
        assertThat(authorized.scopes()).isEmpty();
    }

    @Test
    void accepts_the_token_without_the_bearer_prefix_as_api_gateway_does() {
        String token = new LocalTokenIssuer(key, CLOCK).issue("acme");

        assertThat(authorizer.authorize(request(token), List.of())).isInstanceOf(JwtAuthorizer.Authorized.class);
    }

    @Test
    void renders_array_and_boolean_claims_as_api_gateway_does() {
        String token = sign(key.privateKey(), claims -> claims
                .claim("cognito:groups", List.of("admin", "buyers"))
                .claim("email_verified", true)
                .claim("scope", "catalog/read catalog/write"));

        JwtAuthorizer.Authorized authorized = authorized(authorizer.authorize(request("Bearer " + token), List.of()));

        assertThat(authorized.claims())
                .containsEntry("cognito:groups", "[admin buyers]")
                .containsEntry("email_verified", "true")
                .containsEntry("scope", "catalog/read catalog/write");
        assertThat(authorized.scopes()).contains(List.of("catalog/read", "catalog/write"));
    }

    @Test
    void turns_away_a_request_without_a_token() {
        assertThat(denied(authorizer.authorize(request(null), List.of())))
                .satisfies(response -> {
                    assertThat(response.statusCode()).isEqualTo(401);
                    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Unauthorized\"}");
                    assertThat(response.headers()).contains(new GatewayResponse.Header("www-authenticate", "Bearer"));
                });
    }

    @Test
    void turns_away_a_token_signed_with_another_key() {
        LocalSigningKey other = LocalSigningKey.loadOrCreate(directory.resolve("other"));

        assertThat(reason(sign(other.privateKey(), UnaryOperator.identity())))
                .isEqualTo("the token signature is invalid");
    }

    @Test
    void turns_away_a_token_of_another_issuer() {
        assertThat(reason(sign(key.privateKey(), claims -> claims.issuer("https://accounts.example.com"))))
                .isEqualTo("the token does not have a valid issuer");
    }

    @Test
    void turns_away_a_token_for_another_audience() {
        GatewayResponse response = denied(authorizer.authorize(
                request("Bearer " + sign(key.privateKey(), claims -> claims.audience("billing-api"))), List.of()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers()).contains(new GatewayResponse.Header("www-authenticate",
                "Bearer scope=\"\" error=\"invalid_token\" error_description=\"the token does not have a valid audience\""));
    }

    @Test
    void judges_a_token_without_audience_by_its_client_id() {
        String token = sign(key.privateKey(), claims -> claims.audience((String) null).claim("client_id", "catalog-api"));

        assertThat(authorizer.authorize(request("Bearer " + token), List.of())).isInstanceOf(JwtAuthorizer.Authorized.class);
    }

    @Test
    void turns_away_an_expired_token() {
        Clock later = Clock.offset(CLOCK, LocalTokenIssuer.LIFETIME.plusSeconds(1));
        String token = new LocalTokenIssuer(key, CLOCK).issue("acme");

        assertThat(denied(new JwtAuthorizer(CATALOG_JWT, key.publicKeys(), later).authorize(request("Bearer " + token), List.of()))
                .headers()).anySatisfy(header -> assertThat(header.value()).contains("the token has expired"));
    }

    @Test
    void a_token_accepted_before_is_turned_away_once_it_expires() {
        MutableClock clock = new MutableClock(NOW);
        JwtAuthorizer remembering = new JwtAuthorizer(CATALOG_JWT, key.publicKeys(), clock);
        String token = new LocalTokenIssuer(key, CLOCK).issue("acme");
        assertThat(remembering.authorize(request("Bearer " + token), List.of())).isInstanceOf(JwtAuthorizer.Authorized.class);

        clock.now = NOW.plus(LocalTokenIssuer.LIFETIME).plusSeconds(1);

        assertThat(((JwtAuthorizer.Denied) remembering.authorize(request("Bearer " + token), List.of())).reason())
                .isEqualTo("the token has expired");
    }

    @Test
    void a_token_accepted_before_with_its_signature_altered_is_turned_away() {
        String token = new LocalTokenIssuer(key, CLOCK).issue("acme");
        assertThat(authorizer.authorize(request("Bearer " + token), List.of())).isInstanceOf(JwtAuthorizer.Authorized.class);
        char last = token.charAt(token.length() - 2);
        String altered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        assertThat(reason(altered)).isEqualTo("the token signature is invalid");
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void turns_away_a_token_not_valid_yet() {
        assertThat(reason(sign(key.privateKey(), claims -> claims.notBeforeTime(Date.from(NOW.plusSeconds(60))))))
                .isEqualTo("the token is not valid yet");
    }

    @Test
    void turns_away_a_token_that_is_not_a_jwt() {
        assertThat(reason("not-a-jwt")).isEqualTo("the token is malformed");
    }

    @Test
    void forbids_a_route_whose_scopes_the_token_does_not_carry() {
        String token = new LocalTokenIssuer(key, CLOCK).issue("acme", List.of("catalog/read"));

        GatewayResponse response = denied(authorizer.authorize(request("Bearer " + token), List.of("catalog/stock")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"message\":\"Forbidden\"}");
        assertThat(authorizer.authorize(request("Bearer " + new LocalTokenIssuer(key, CLOCK)
                .issue("acme", List.of("catalog/stock"))), List.of("catalog/stock"))).isInstanceOf(JwtAuthorizer.Authorized.class);
    }

    @Test
    void reads_the_token_from_the_query_string_when_the_identity_source_says_so() {
        JwtAuthorizer fromQuery = new JwtAuthorizer(new HttpApiAuthorizer.Jwt("QueryJwt", "$request.querystring.token",
                LocalTokenIssuer.ISSUER, List.of(LocalTokenIssuer.AUDIENCE)), key.publicKeys(), CLOCK);
        String token = new LocalTokenIssuer(key, CLOCK).issue("acme");

        HttpApiRequest request = new HttpApiRequest("id", NOW, "GET", "/products", "token=" + token, Map.of(), new byte[0],
                "127.0.0.1", "HTTP/1.1", "127.0.0.1:3000", 3000);

        assertThat(fromQuery.authorize(request, List.of())).isInstanceOf(JwtAuthorizer.Authorized.class);
    }

    private String reason(String token) {
        return ((JwtAuthorizer.Denied) authorizer.authorize(request("Bearer " + token), List.of())).reason();
    }

    private static String sign(RSAKey signingKey, UnaryOperator<JWTClaimsSet.Builder> customise) {
        JWTClaimsSet claims = customise.apply(new JWTClaimsSet.Builder()
                .issuer(LocalTokenIssuer.ISSUER)
                .audience(LocalTokenIssuer.AUDIENCE)
                .claim(LocalTokenIssuer.TENANT_CLAIM, "acme")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(5))))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static HttpApiRequest request(String authorization) {
        Map<String, List<String>> headers = authorization == null ? Map.of() : Map.of("Authorization", List.of(authorization));
        return new HttpApiRequest("id", NOW, "POST", "/products", "", headers, new byte[0], "127.0.0.1", "HTTP/1.1",
                "127.0.0.1:3000", 3000);
    }

    private static JwtAuthorizer.Authorized authorized(JwtAuthorizer.Decision decision) {
        assertThat(decision).isInstanceOf(JwtAuthorizer.Authorized.class);
        return (JwtAuthorizer.Authorized) decision;
    }

    private static GatewayResponse denied(JwtAuthorizer.Decision decision) {
        assertThat(decision).isInstanceOf(JwtAuthorizer.Denied.class);
        return ((JwtAuthorizer.Denied) decision).response();
    }
}
