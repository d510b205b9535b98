package dev.catalog.command.execution;

import dev.catalog.domain.shared.IdSource;
import dev.catalog.platform.db.DatabaseException;
import dev.catalog.platform.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each command as one transaction: claim the idempotency key, let the unit of work load, decide and save,
 * append its events to the outbox, store the outcome under the key, commit. Anything refused or failed rolls
 * back as a whole, so a refused command leaves no row anywhere, outbox included.
 */
public final class CommandExecutor {

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Outbox outbox;
    private final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();

    public CommandExecutor(DataSource dataSource, Clock clock, IdSource ids) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outbox = new Outbox(Objects.requireNonNull(ids, "ids"));
    }

    public <R> CommandOutcome<R> execute(CommandContext context, Class<R> resultType, UnitOfWork<R> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Transaction transaction = new Transaction(connection, clock.instant());
                CommandOutcome<R> outcome = run(transaction, context, resultType, work);
                if (outcome instanceof CommandOutcome.Completed<R> completed && !completed.replayed()) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                log(outcome);
                return outcome;
            } catch (SQLException | RuntimeException failure) {
                rollbackQuietly(connection);
                throw failure;
            }
        } catch (SQLException e) {
            throw new DatabaseException("command failed in the database", e);
        }
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
                outbox.append(transaction, context.correlationId(), changed.events());
                if (context.idempotencyKey().isPresent()) {
                    idempotencyKeys.complete(transaction, context.tenant(), context.idempotencyKey().get().key(),
                            Json.write(changed.result()));
                }
                yield new CommandOutcome.Completed<>(changed.result(), false);
            }
        };
    }

    private static void log(CommandOutcome<?> outcome) {
        switch (outcome) {
            case CommandOutcome.Completed<?> completed when completed.replayed() -> log.info("command replayed from its idempotency key");
            case CommandOutcome.Completed<?> completed -> log.info("command committed: {}", completed.result());
            case CommandOutcome.Refused<?> refused -> log.info("command refused: {}", refused.rejection().code().wireName());
            case CommandOutcome.IdempotencyKeyReused<?> reused -> log.info("command refused: idempotency key reused");
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.warn("rollback failed after a failed command", e);
        }
    }
}
