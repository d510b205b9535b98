package dev.catalog.local.cli;

import dev.catalog.local.rebuilds.ProjectionVersions;
import dev.catalog.local.rebuilds.RebuildControl;
import dev.catalog.local.rebuilds.ReplayProgress;
import dev.catalog.platform.projection.ProjectionVersionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * {@code ./catalog rebuild --projection <read model>|all [--from-sequence N]}: starts the rebuild state machine on the
 * local Step Functions (through its AWS API, as the console, CLI or SDK would in AWS) and shows its progress until it
 * ends.
 */
@Command(name = "rebuild", description = "Rebuild read models from the event log through the rebuild state machine; shows progress until it ends.")
final class RebuildCommand extends AgainstRunningStack {

    @Option(names = "--projection", required = true, description = "A read model (${COMPLETION-CANDIDATES}) or all.",
            completionCandidates = ReadModelNames.class)
    private String projection;

    @Option(names = "--from-sequence", defaultValue = "0", description = "Replay the events after this sequence (default: the whole log).")
    private long fromSequence;

    @Override
    protected int run(RunningStack stack) throws Exception {
        try (RebuildControl rebuilds = stack.rebuilds()) {
            String execution = rebuilds.start(new RebuildControl.Request(projection, Long.toString(fromSequence), null, null));
            System.out.println("Started " + execution);
            return follow(rebuilds, stack, execution);
        }
    }

    private int follow(RebuildControl rebuilds, RunningStack stack, String execution) throws Exception {
        Instant started = Instant.now();
        ReplayProgress progress = new ReplayProgress();
        while (true) {
            DescribeExecutionResponse described = rebuilds.describe(execution);
            List<ProjectionVersionStore.Overview> building = ProjectionVersions.read(stack.database()).stream()
                    .filter(row -> "BUILDING".equals(row.status()) && execution.equals(row.runId())).toList();
            Instant now = Instant.now();
            ReplayProgress.Snapshot snapshot = progress.update(building, now);
            if (described.status() != ExecutionStatus.RUNNING) {
                System.out.println();
                System.out.printf("Rebuild %s after %d s%n", described.status(), Duration.between(started, now).toSeconds());
                System.out.println(described.status() == ExecutionStatus.SUCCEEDED ? described.output()
                        : described.error() + ": " + described.cause());
                return described.status() == ExecutionStatus.SUCCEEDED ? 0 : 2;
            }
            System.out.printf("\r  %-44s events replayed %,10d   rate %10s   ETA %s        ",
                    building.stream().map(row -> row.projection() + " v" + row.version()).toList(), snapshot.events(),
                    snapshot.rateText(), snapshot.eta().map(eta -> eta.toString().substring(2).toLowerCase()).orElse("-"));
            System.out.flush();
            Thread.sleep(1000);
        }
    }
}
