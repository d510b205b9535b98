package dev.catalog.command.execution;

import java.sql.SQLException;

/** Loads an aggregate, lets it decide, saves what changed: the body of a command, run inside its transaction. */
@FunctionalInterface
interface UnitOfWork<R> {

    Decided<R> execute(Transaction transaction) throws SQLException;
}
