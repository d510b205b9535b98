package dev.catalog.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTokenIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-12T19:00:00Z");

    @TempDir
    Path directory;

    @Test
    void issues_a_signed_token_for_the_tenant_valid_for_one_hour() throws Exception {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(directory);

        SignedJWT token = SignedJWT.parse(new LocalTokenIssuer(key, Clock.fixed(NOW, ZoneOffset.UTC)).issue("acme"));

        assertThat(token.verify(new RSASSAVerifier(key.privateKey().toRSAPublicKey()))).isTrue();
        assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(token.getHeader().getKeyID()).isEqualTo(key.privateKey().getKeyID());
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("catalog-local");
        assertThat(claims.getAudience()).containsExactly("catalog-api");
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo("acme");
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(NOW));
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(NOW.plusSeconds(3600)));
        assertThat(claims.getClaim("scope")).isNull();
    }

    @Test
    void puts_scopes_in_the_scope_claim() throws Exception {
        String token = new LocalTokenIssuer(LocalSigningKey.loadOrCreate(directory), Clock.systemUTC())
                .issue("acme", List.of("catalog/read", "catalog/write"));

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("scope")).isEqualTo("catalog/read catalog/write");
    }
}
