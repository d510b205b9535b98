package dev.catalog.command.execution;

import dev.catalog.domain.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys, claimed at the start of the command's transaction. The primary key on (tenant, key) makes a
 * second request with the same key wait for the first transaction: after its commit the second finds the
 * stored outcome, after its rollback the second claims the key itself. A key older than {@link #RETENTION} is
 * expired: a claim takes it over as new, and the retention task deletes it.
 */
public final class IdempotencyKeys {

    /** How long a key's answer is replayed (docs/API.md, "Idempotency-Key"). */
    public static final Duration RETENTION = Duration.ofHours(24);

    private static final String CLAIM = """
            insert into idempotency_key (tenant_id, key, fingerprint, created_at)
            values (?, ?, ?, ?)
            on conflict (tenant_id, key) do update
               set fingerprint = excluded.fingerprint, outcome = null, created_at = excluded.created_at
             where idempotency_key.created_at < ?
            """;
    private static final String FIND = "select fingerprint, outcome::text from idempotency_key where tenant_id = ? and key = ?";
    // Oldest first, and only keys no command holds: a claim in flight is never waited for, it is skipped.
    private static final String DELETE_EXPIRED = """
            delete from idempotency_key where (tenant_id, key) in (
                select tenant_id, key from idempotency_key where created_at < ?
                 order by created_at limit ? for update skip locked)
            """;
    private static final String COMPLETE = "update idempotency_key set outcome = ?::jsonb where tenant_id = ? and key = ?";

    sealed interface Claim {
    }

    /** The key is ours: run the command and {@link #complete} it. */
    record Claimed() implements Claim {
    }

    /** A request with this key committed before (within the retention): answer what it answered. */
    record Used(String fingerprint, String outcome) implements Claim {
    }

    Claim claim(Transaction transaction, TenantId tenant, CommandContext.IdempotencyKey key) throws SQLException {
        try (PreparedStatement claim = transaction.connection().prepareStatement(CLAIM)) {
            claim.setString(1, tenant.value());
            claim.setString(2, key.key());
            claim.setString(3, key.fingerprint());
            claim.setTimestamp(4, Timestamp.from(transaction.now()));
            // An expired key is taken over as if it had never been used.
            claim.setTimestamp(5, Timestamp.from(transaction.now().minus(RETENTION)));
            if (claim.executeUpdate() == 1) {
                return new Claimed();
            }
        }
        return find(transaction, tenant, key.key())
                .orElseThrow(() -> new IllegalStateException("idempotency key neither claimed nor found"));
    }

    void complete(Transaction transaction, TenantId tenant, String key, String outcome) throws SQLException {
        try (PreparedStatement complete = transaction.connection().prepareStatement(COMPLETE)) {
            complete.setString(1, outcome);
            complete.setString(2, tenant.value());
            complete.setString(3, key);
            complete.executeUpdate();
        }
    }

    /**
     * Deletes at most {@code limit} keys expired at {@code now}, in the connection's current transaction.
     *
     * @return how many were deleted; fewer than {@code limit} when no more had expired
     */
    public static int deleteExpired(Connection connection, Instant now, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
            delete.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    private Optional<Claim> find(Transaction transaction, TenantId tenant, String key) throws SQLException {
        try (PreparedStatement find = transaction.connection().prepareStatement(FIND)) {
            find.setString(1, tenant.value());
            find.setString(2, key);
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? Optional.of(new Used(row.getString(1), row.getString(2))) : Optional.empty();
            }
        }
    }
}
