package dev.catalog.command.execution;

import dev.catalog.domain.shared.Aggregate;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.IdSource;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.db.Transactions;
import dev.catalog.platform.events.OutboxWriter;
import dev.catalog.platform.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pipeline every command goes through, as one transaction: claim the idempotency key; load the aggregate
 * locked (404 when missing) and check the version the caller expects (412); let the aggregate decide; save each
 * event; append the events to the outbox; store the outcome under the key; commit. Anything refused or failed rolls
 * back as a whole, so a refused command leaves no row anywhere, outbox included.
 */
public final class CommandExecutor {

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final IdSource ids;
    private final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();

    public CommandExecutor(DataSource dataSource, Clock clock, IdSource ids) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** A decision about an aggregate that exists, taken inside the command's transaction. */
    @FunctionalInterface
    public interface Decider<A, E> {
        Decision<E> decide(A aggregate, Transaction transaction) throws SQLException;
    }

    /** A decision that creates an aggregate, taken inside the command's transaction. */
    @FunctionalInterface
    public interface Creator<E> {
        Decision<E> decide(Transaction transaction) throws SQLException;
    }

    /** Creates an aggregate; answers its id and first version. */
    public <I, E extends DomainEvent> CommandOutcome<VersionedRef> create(CommandContext context, AggregateStore<I, ?, E> store,
                                                                         I id, Creator<E> creator) {
        return execute(context, VersionedRef.class,
                transaction -> save(transaction, store, 0, creator.decide(transaction), version -> new VersionedRef(id.toString(), version)));
    }

    /** Changes an existing aggregate; answers its id and new version. */
    public <I, A extends Aggregate, E extends DomainEvent> CommandOutcome<VersionedRef> change(
            CommandContext context, AggregateStore<I, A, E> store, I id, Decider<A, E> decider) {
        return change(context, VersionedRef.class, store, id, decider, version -> new VersionedRef(id.toString(), version));
    }

    /** Changes an existing aggregate; answers {@code result} of its new version. */
    public <I, A extends Aggregate, E extends DomainEvent, R> CommandOutcome<R> change(
            CommandContext context, Class<R> resultType, AggregateStore<I, A, E> store, I id, Decider<A, E> decider,
            LongFunction<R> result) {
        return execute(context, resultType, transaction -> {
            Optional<A> found = store.load(transaction, context.tenant(), id);
            if (found.isEmpty()) {
                return Decided.refused(Rejection.notFound(store.kind() + " " + id));
            }
            A aggregate = found.get();
            Optional<Rejection> stale = context.staleAgainst(aggregate.version());
            if (stale.isPresent()) {
                return Decided.refused(stale.get());
            }
            return save(transaction, store, aggregate.version(), decider.decide(aggregate, transaction), result);
        });
    }

    private static <E extends DomainEvent, R> Decided<R> save(Transaction transaction, AggregateStore<?, ?, E> store,
                                                              long version, Decision<E> decision, LongFunction<R> result)
            throws SQLException {
        return switch (decision) {
            case Decision.Rejected<E> rejected -> Decided.refused(rejected.rejection());
            case Decision.Accepted<E> accepted -> {
                long saved = version;
                for (E event : accepted.events()) {
                    Optional<Rejection> conflict = store.save(transaction, event);
                    if (conflict.isPresent()) {
                        yield Decided.refused(conflict.get());
                    }
                    saved = event.aggregateVersion();
                }
                yield Decided.changed(result.apply(saved), accepted.events());
            }
        };
    }

    private <R> CommandOutcome<R> execute(CommandContext context, Class<R> resultType, UnitOfWork<R> work) {
        try (Connection connection = dataSource.getConnection()) {
            context.deadline().bound(connection);
            CommandOutcome<R> outcome = Transactions.commitIf(connection, CommandExecutor::changedNow,
                    begun -> run(new Transaction(begun, clock.instant()), context, resultType, work));
            log(outcome);
            return outcome;
        } catch (SQLException e) {
            throw new DatabaseException("command failed in the database", e);
        }
    }

    /** Only a change made now commits: a refused command leaves no row anywhere, and a replayed one committed before. */
    private static boolean changedNow(CommandOutcome<?> outcome) {
        return outcome instanceof CommandOutcome.Completed<?> completed && !completed.replayed();
    }

    private <R> CommandOutcome<R> run(Transaction transaction, CommandContext context, Class<R> resultType,
                                      UnitOfWork<R> work) throws SQLException {
        if (context.idempotencyKey().isPresent()) {
            CommandContext.IdempotencyKey key = context.idempotencyKey().get();
            IdempotencyKeys.Claim claim = idempotencyKeys.claim(transaction, context.tenant(), key);
            if (claim instanceof IdempotencyKeys.Used used) {
                return used.fingerprint().equals(key.fingerprint())
                        ? new CommandOutcome.Completed<>(Json.read(used.outcome(), resultType), true)
                        : new CommandOutcome.IdempotencyKeyReused<>();
            }
        }
        return switch (work.execute(transaction)) {
            case Decided.Refused<R> refused -> new CommandOutcome.Refused<>(refused.rejection());
            case Decided.Changed<R> changed -> {
                appendToOutbox(transaction, context.correlationId(), changed.events());
                if (context.idempotencyKey().isPresent()) {
                    idempotencyKeys.complete(transaction, context.tenant(), context.idempotencyKey().get().key(),
                            Json.write(changed.result()));
                }
                yield new CommandOutcome.Completed<>(changed.result(), false);
            }
        };
    }

    /** In the command's own transaction: the events are published if and only if the change they describe commits. */
    private void appendToOutbox(Transaction transaction, String correlationId, List<? extends DomainEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (OutboxWriter outbox = new OutboxWriter(transaction.connection())) {
            for (DomainEvent event : events) {
                outbox.add(ids.newId(), event, correlationId);
            }
            outbox.flush();
        }
    }

    private static void log(CommandOutcome<?> outcome) {
        switch (outcome) {
            case CommandOutcome.Completed<?> completed when completed.replayed() -> log.info("command replayed from its idempotency key");
            // HttpFunction logs every answer at INFO; the committed result (the whole aggregate) only at DEBUG.
            case CommandOutcome.Completed<?> completed -> log.debug("command committed: {}", completed.result());
            case CommandOutcome.Refused<?> refused -> log.info("command refused: {}", refused.rejection().code().wireName());
            case CommandOutcome.IdempotencyKeyReused<?> reused -> log.info("command refused: idempotency key reused");
        }
    }
}
