package dev.catalog.command.execution;

import dev.catalog.domain.shared.Rejection;

/** How a command ended, for the handler to answer. */
public sealed interface CommandOutcome<R> {

    /**
     * The command is committed (or was, by an earlier request with the same idempotency key).
     *
     * @param replayed true when this answers a repeated request from the stored outcome, changing nothing
     */
    record Completed<R>(R result, boolean replayed) implements CommandOutcome<R> {
    }

    /** The model refused the command; nothing was written. */
    record Refused<R>(Rejection rejection) implements CommandOutcome<R> {
    }

    /** The idempotency key was used before for a different request; nothing was written. */
    record IdempotencyKeyReused<R>() implements CommandOutcome<R> {
    }
}
