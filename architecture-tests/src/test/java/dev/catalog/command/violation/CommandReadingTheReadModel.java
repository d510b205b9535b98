package dev.catalog.command.violation;

import dev.catalog.projection.detail.DetailWriter;

/** A deliberate violation, for ArchitectureRulesCatchViolationsTest: a command that writes the read model itself. */
public final class CommandReadingTheReadModel {

    public Class<?> readModel() {
        return DetailWriter.class;
    }
}
