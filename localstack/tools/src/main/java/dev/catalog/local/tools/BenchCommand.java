package dev.catalog.local.tools;

import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.local.bench.CommandBenchmark;
import dev.catalog.local.bench.CostBenchmark;
import dev.catalog.local.bench.RebuildBenchmark;
import dev.catalog.local.cli.AgainstRunningStack;
import dev.catalog.local.cli.RunningStack;
import dev.catalog.local.rebuilds.RebuildControl;
import dev.catalog.local.stack.LocalStack;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog bench ...}: benchmarks against the running local stack, printing their figures. */
@Command(name = "bench", description = "Benchmarks against the running local stack.",
        subcommands = {BenchCommand.Commands.class, BenchLagCommand.class, BenchSearchCommand.class, BenchCommand.Rebuild.class,
                BenchCommand.Cost.class})
final class BenchCommand {

    @Command(name = "commands", description = "Create and update products through the HTTP API for a fixed time; "
            + "print commands/s and latency p50/p99, beside the same commands given to the same handlers in-process.")
    static final class Commands extends AgainstRunningStack {

        @Option(names = "--clients", defaultValue = "8", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
        private int clients;

        @Option(names = "--duration", defaultValue = "30", description = "Seconds measured (default ${DEFAULT-VALUE}).")
        private int seconds;

        @Option(names = "--warmup", defaultValue = "5", description = "Seconds of warm-up, not measured (default ${DEFAULT-VALUE}).")
        private int warmup;

        @Override
        protected int run(RunningStack stack) throws Exception {
            new CommandBenchmark(new CommandBenchmark.Settings(stack.api(), stack.tokens()::issue, LocalStack.functionVariables(stack.ports(), DatabaseRole.COMMAND), clients,
                    Duration.ofSeconds(warmup), Duration.ofSeconds(seconds))).run(System.out);
            return 0;
        }
    }

    @Command(name = "rebuild", description = "Rebuild each read model, and both together, from a log of at least "
            + "--events events (generated if the log is shorter); print events/s beside the ceiling of writing the "
            + "final state directly.")
    static final class Rebuild extends AgainstRunningStack {

        @Option(names = "--events", defaultValue = "1000000", description = "Minimum events in the log (default ${DEFAULT-VALUE}).")
        private long events;

        @Option(names = "--products", defaultValue = "100000", description = "Products generated when the log is too short (default ${DEFAULT-VALUE}).")
        private int products;

        @Option(names = "--tenants", defaultValue = "10", description = "Tenants the generated products spread over (default ${DEFAULT-VALUE}).")
        private int tenants;

        @Option(names = "--batch-events", description = "Events per replay batch (the execution's pace; default: the state machine's, 2,000).")
        private Integer batchEvents;

        @Override
        protected int run(RunningStack stack) throws Exception {
            try (RebuildControl rebuilds = stack.rebuilds()) {
                new RebuildBenchmark(new RebuildBenchmark.Settings(stack.database(), stack.openSearch(), stack.kafkaBootstrapServers(),
                        rebuilds, events, products, tenants, batchEvents))
                        .run(System.out);
            }
            return 0;
        }
    }

    @Command(name = "cost", description = "Measure the idle stack, then send commands at a steady rate; print CPU ms per command "
            + "for each process of the stack (from /proc), beside its idle use, and the functions' billed ms per command and per event.")
    static final class Cost extends AgainstRunningStack {

        @Option(names = "--rate", defaultValue = "100", description = "Commands per second (default ${DEFAULT-VALUE}).")
        private int rate;

        @Option(names = "--duration", defaultValue = "30", description = "Seconds of commands measured (default ${DEFAULT-VALUE}).")
        private int seconds;

        @Option(names = "--idle", defaultValue = "30", description = "Seconds the idle stack is measured first (default ${DEFAULT-VALUE}).")
        private int idle;

        @Option(names = "--warm-up", defaultValue = "120", description = "Seconds of the same commands sent first and not "
                + "measured, so the JVMs have compiled what the load runs (default ${DEFAULT-VALUE}).")
        private int warmUp;

        @Override
        protected int run(RunningStack stack) throws Exception {
            new CostBenchmark(new CostBenchmark.Settings(stack.client(), stack.database(), stack.openSearch(), stack.status(), stack.pid(),
                    rate, Duration.ofSeconds(warmUp), Duration.ofSeconds(seconds), Duration.ofSeconds(idle))).run(System.out);
            return 0;
        }
    }
}
