package dev.catalog.query.violation;

import dev.catalog.command.execution.VersionedRef;

/** A deliberate violation, for ArchitectureRulesCatchViolationsTest: the read side using the write side's types. */
public final class QueryAnsweringACommandsResult {

    public VersionedRef answer(String id) {
        return new VersionedRef(id, 1);
    }
}
