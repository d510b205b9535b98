package dev.catalog.local.cli;

import dev.catalog.local.auth.LocalSigningKey;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.bench.CommandBenchmark;
import dev.catalog.local.services.postgres.PostgresServer;
import dev.catalog.local.stack.StackSettings;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog bench ...}: benchmarks against the running local stack, printing their figures. */
@Command(name = "bench", description = "Benchmarks against the running local stack.",
        subcommands = {BenchCommand.Commands.class, BenchLagCommand.class, BenchSearchCommand.class})
final class BenchCommand {

    @Command(name = "commands", description = "Create and update products through the HTTP API for a fixed time; "
            + "print commands/s and latency p50/p99, beside plain JDBC batch inserts of the same rows.")
    static final class Commands implements Callable<Integer> {

        @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
        private int clients;

        @Option(names = "--duration", defaultValue = "30", description = "Seconds measured (default ${DEFAULT-VALUE}).")
        private int seconds;

        @Option(names = "--warmup", defaultValue = "5", description = "Seconds of warm-up, not measured (default ${DEFAULT-VALUE}).")
        private int warmup;

        @Override
        public Integer call() throws Exception {
            Optional<StackRecord> running = StackRecord.running(CatalogCommand.projectDir());
            if (running.isEmpty()) {
                System.err.println("Catalog is not running: start it with ./catalog up");
                return 1;
            }
            StackSettings settings = StackSettings.local(CatalogCommand.projectDir(), false);
            LocalTokenIssuer tokens = new LocalTokenIssuer(LocalSigningKey.loadOrCreate(settings.layout().dataDir("auth")), Clock.systemUTC());
            new CommandBenchmark(new CommandBenchmark.Settings(URI.create("http://127.0.0.1:" + running.get().ports().api()),
                    tokens::issue, PostgresServer.connectionOnPort(running.get().ports().postgres()), clients,
                    Duration.ofSeconds(warmup), Duration.ofSeconds(seconds))).run(System.out);
            return 0;
        }
    }
}
