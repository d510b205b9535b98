package dev.catalog.command.execution;

import dev.catalog.domain.shared.TenantId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Optional;

/**
 * Idempotency keys, claimed at the start of the command's transaction. The primary key on (tenant, key) makes a
 * second request with the same key wait for the first transaction: after its commit the second finds the
 * stored outcome, after its rollback the second claims the key itself.
 */
final class IdempotencyKeys {

    static final Duration RETENTION = Duration.ofHours(24);

    private static final String CLAIM = """
            insert into idempotency_key (tenant_id, key, fingerprint, created_at)
            values (?, ?, ?, ?)
            on conflict (tenant_id, key) do update
               set fingerprint = excluded.fingerprint, outcome = null, created_at = excluded.created_at
             where idempotency_key.created_at < ?
            """;
    private static final String FIND = "select fingerprint, outcome::text from idempotency_key where tenant_id = ? and key = ?";
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
