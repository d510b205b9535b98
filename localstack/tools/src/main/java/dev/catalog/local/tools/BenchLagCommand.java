package dev.catalog.local.tools;

import dev.catalog.local.bench.LagBenchmark;
import dev.catalog.local.bench.PipelineKnobs;
import dev.catalog.local.cli.AgainstRunningStack;
import dev.catalog.local.cli.CatalogCommand;
import dev.catalog.local.cli.RunningStack;
import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog bench lag}: commit to Kafka, to the detail read model and to search, at steady rates; then a ramp. */
@Command(name = "lag", description = "At steady command rates, time each event from commit to Kafka, to catalog_read.product_detail "
        + "and to searchable (p50/p95/p99); then ramp up to the highest rate the whole pipeline sustains, beside what Debezium alone delivers.")
final class BenchLagCommand extends AgainstRunningStack {

    @Option(names = "--rates", split = ",", defaultValue = "50,200,500", description = "Steady rates, commands/s (default ${DEFAULT-VALUE}).")
    private List<Integer> rates;

    @Option(names = "--duration", defaultValue = "60", description = "Seconds at each steady rate (default ${DEFAULT-VALUE}).")
    private int seconds;

    @Option(names = "--ramp-from", defaultValue = "100", description = "First rate of the ramp, commands/s (default ${DEFAULT-VALUE}).")
    private int rampFrom;

    @Option(names = "--ramp-factor", defaultValue = "1.25", description = "Each ramp step's rate over the last (default ${DEFAULT-VALUE}).")
    private double rampFactor;

    @Option(names = "--ramp-step", defaultValue = "20", description = "Seconds per ramp step (default ${DEFAULT-VALUE}).")
    private int rampStep;

    @Option(names = "--ramp-max", defaultValue = "2000", description = "Highest rate the ramp tries (default ${DEFAULT-VALUE}); 0 skips the ramp.")
    private int rampMax;

    @Option(names = "--burst", defaultValue = "20000", description = "Outbox rows inserted at once to measure Debezium alone (default ${DEFAULT-VALUE}); 0 skips it.")
    private int burst;

    @Option(names = "--burst-products", defaultValue = "2000", description = "Products (about ten events each) written at once "
            + "to time each read model beside Debezium (default ${DEFAULT-VALUE}); 0 skips it.")
    private int burstProducts;

    @Override
    protected int run(RunningStack stack) throws Exception {
        StackSettings settings = new StackSettings(CatalogCommand.projectDir(),
                StackSettings.local(CatalogCommand.projectDir(), false).layout(), stack.ports(), false);
        PipelineKnobs knobs = PipelineKnobs.read(CatalogCommand.projectDir(), LocalStack.template(settings), stack.openSearch());
        new LagBenchmark(new LagBenchmark.Settings(stack.client(), stack.database(), stack.kafkaBootstrapServers(),
                stack.openSearch(), knobs, rates, Duration.ofSeconds(seconds),
                new LagBenchmark.Ramp(rampFrom, rampFactor, Duration.ofSeconds(rampStep), rampMax), burst, burstProducts)).run(System.out);
        return 0;
    }
}
