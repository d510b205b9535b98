package dev.catalog.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Issues the tokens the local HTTP API accepts, as an identity provider would in AWS: issuer
 * {@value #ISSUER}, audience {@value #AUDIENCE}, the tenant in claim {@value #TENANT_CLAIM}, valid one hour.
 *
 * <pre>{@code
 * String token = new LocalTokenIssuer(LocalSigningKey.loadOrCreate(authDir), Clock.systemUTC()).issue("acme");
 * }</pre>
 */
public final class LocalTokenIssuer {

    public static final String ISSUER = "catalog-local";
    public static final String AUDIENCE = "catalog-api";
    public static final String TENANT_CLAIM = "tenant_id";
    public static final Duration LIFETIME = Duration.ofHours(1);

    private final LocalSigningKey key;
    private final Clock clock;

    public LocalTokenIssuer(LocalSigningKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A token for a developer of the tenant, with no OAuth scopes. */
    public String issue(String tenantId) {
        return issue(tenantId, List.of());
    }

    /** A token for a developer of the tenant, carrying the given OAuth scopes in {@code scope}. */
    public String issue(String tenantId, List<String> scopes) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a token needs a tenant");
        }
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("local-developer@" + tenantId)
                .claim(TENANT_CLAIM, tenantId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
        if (!scopes.isEmpty()) {
            claims.claim("scope", String.join(" ", scopes));
        }
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.privateKey().getKeyID())
                .type(JOSEObjectType.JWT)
                .build(), claims.build());
        try {
            token.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with " + key, e);
        }
        return token.serialize();
    }
}
