package dev.catalog.command.execution;

import dev.catalog.domain.shared.Rejection;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.db.Deadline;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Who asks, and under which conditions: the tenant from the token, the correlation id carried into the events,
 * the version the caller expects (If-Match), the idempotency key with the request's fingerprint, and when the
 * command must give up on the database to answer in time.
 */
public record CommandContext(TenantId tenant, String correlationId, OptionalLong expectedVersion,
                             Optional<IdempotencyKey> idempotencyKey, Deadline deadline) {

    public CommandContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(deadline, "deadline");
    }

    /** A version mismatch when the caller expected another version than {@code currentVersion}. */
    public Optional<Rejection> staleAgainst(long currentVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != currentVersion) {
            return Optional.of(new Rejection.VersionMismatch(expectedVersion.getAsLong(), currentVersion));
        }
        return Optional.empty();
    }

    /**
     * @param fingerprint what the request asked (method, path, body): the key may only return with the same
     */
    public record IdempotencyKey(String key, String fingerprint) {
        public IdempotencyKey {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }
}
