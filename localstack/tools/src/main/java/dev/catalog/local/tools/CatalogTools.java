package dev.catalog.local.tools;

import dev.catalog.local.cli.CatalogCommand;

/**
 * {@code ./catalog} with its tools: the runtime's commands plus {@code seed} and {@code bench}. The tools work against a
 * running stack from their own process, so what they need (the command handlers for the in-process ceiling, the seed
 * vocabulary) never sits on the class path of the runtime that hosts the functions.
 */
public final class CatalogTools {

    private CatalogTools() {
    }

    public static void main(String[] args) {
        // bench commands runs the command handlers in this process, and they (and the platform's HTTP layer) log every
        // answer at INFO: a tool's output is its figures. Set before any logger exists: slf4j-simple reads them once.
        System.setProperty("org.slf4j.simpleLogger.log.dev.catalog.command", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.dev.catalog.platform", "warn");
        System.exit(CatalogCommand.commandLine().addSubcommand(new SeedCommand()).addSubcommand(new BenchCommand()).execute(args));
    }
}
