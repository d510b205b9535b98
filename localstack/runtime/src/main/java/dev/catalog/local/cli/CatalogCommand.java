package dev.catalog.local.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./catalog}: the whole Catalog system on this machine. */
// scope INHERIT: every subcommand takes --help (and --version) too, e.g. ./catalog bench lag --help.
@Command(name = "catalog", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "Catalog local runtime",
        description = "Runs Catalog locally: PostgreSQL, Kafka, Debezium Server and OpenSearch as child processes, and "
                + "the functions of template.yaml behind the HTTP API (127.0.0.1:3000) and an AWS-compatible endpoint (127.0.0.1:4566), "
                + "with a console in the browser (127.0.0.1:3001).",
        subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, TokenCommand.class, InvokeCommand.class,
                RebuildCommand.class, RollbackCommand.class, ProjectionsCommand.class, DeadLettersCommand.class,
                CommandLine.HelpCommand.class})
public final class CatalogCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The runtime's commands; the tools module adds {@code seed} and {@code bench} to the same command line. */
    public static CommandLine commandLine() {
        return new CommandLine(new CatalogCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The repository the runtime works from: template.yaml, the deployment packages, .local/. */
    public static Path projectDir() {
        return Path.of(System.getProperty("catalog.project.dir", ".")).toAbsolutePath().normalize();
    }
}
