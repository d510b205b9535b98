package dev.catalog.command.violation;

import dev.catalog.local.process.FreePorts;

/** A deliberate violation, for ArchitectureRulesCatchViolationsTest: production code that needs the local runtime. */
public final class CommandOnALocalPort {

    public int port() {
        return FreePorts.next();
    }
}
