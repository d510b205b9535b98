package dev.catalog.local.gateway;

import com.nimbusds.jose.jwk.JWKSet;
import dev.catalog.local.functions.FunctionHostSettings;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;

/**
 * How the local HTTP API serves.
 *
 * @param address          where it listens; 127.0.0.1:{@value #DEFAULT_PORT} for the local stack
 * @param verificationKeys the keys JWT authorizers accept signatures of (the local signing key's public part)
 * @param accountId        {@code requestContext.accountId}
 * @param clock            the time of requests and of token checks
 */
public record LocalHttpApiSettings(InetSocketAddress address, JWKSet verificationKeys, String accountId, Clock clock) {

    public static final int DEFAULT_PORT = 3000;

    public LocalHttpApiSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(verificationKeys, "verificationKeys");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(clock, "clock");
    }

    /** On 127.0.0.1 at the port (0 for any free one), with the local account and the system clock. */
    public static LocalHttpApiSettings local(int port, JWKSet verificationKeys) {
        return new LocalHttpApiSettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), verificationKeys,
                FunctionHostSettings.LOCAL_ACCOUNT_ID, Clock.systemUTC());
    }
}
