package dev.catalog.command.execution;

import dev.catalog.domain.shared.Aggregate;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.domain.shared.TenantId;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How the command pipeline reads and writes one kind of aggregate in the write schema, inside the command's
 * transaction. Saving means applying an event: the event holds the new state.
 *
 * @param <I> the aggregate's id
 */
public interface AggregateStore<I, A extends Aggregate, E extends DomainEvent> {

    /** What a 404 calls a missing one ("product", "category"). */
    String kind();

    /**
     * The aggregate, locked for the rest of the transaction so that concurrent commands on it queue up; empty when
     * the tenant has none with this id.
     */
    Optional<A> load(Transaction transaction, TenantId tenant, I id) throws SQLException;

    /** Writes what the event says happened; a conflict with other data comes back as a rejection. */
    Optional<Rejection> save(Transaction transaction, E event) throws SQLException;
}
