package dev.catalog.local.cli;

import dev.catalog.local.rebuilds.ProjectionVersions;
import dev.catalog.local.rebuilds.RebuildControl;
import dev.catalog.local.rebuilds.ReplayProgress;
import dev.catalog.platform.projection.ProjectionVersionStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./catalog rollback --projection P [--to-version N]}: the version LIVE before the current one (or the RETIRED
 * version N) catches up on the events it missed, shown as it goes, then becomes LIVE again in one step.
 */
@Command(name = "rollback", description = "Make LIVE again the version that was LIVE before the current one (or --to-version N), after catching it up.")
final class RollbackCommand extends AgainstRunningStack {

    @Option(names = "--projection", required = true, description = "A read model: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ReadModelNames.class)
    private String projection;

    @Option(names = "--to-version", description = "The RETIRED version to make LIVE (needed for a second rollback in a row).")
    private Integer toVersion;

    @Override
    protected int run(RunningStack stack) throws Exception {
        try (RebuildControl rebuilds = stack.rebuilds()) {
            Instant started = Instant.now();
            CompletableFuture<RebuildControl.Invocation> invocation = CompletableFuture.supplyAsync(() -> rebuilds.rollback(projection, toVersion));
            ReplayProgress progress = new ReplayProgress();
            RebuildControl.Invocation rollback = null;
            while (rollback == null) {
                try {
                    rollback = invocation.get(1, TimeUnit.SECONDS);
                } catch (TimeoutException stillCatchingUp) {
                    List<ProjectionVersionStore.Overview> catchingUp = ProjectionVersions.read(stack.database()).stream()
                            .filter(row -> row.projection().equals(projection) && "CATCHING_UP".equals(row.status())).toList();
                    ReplayProgress.Snapshot snapshot = progress.update(catchingUp, Instant.now());
                    System.out.printf("\r  catching up %-12s events replayed %,10d   remaining %,10d   rate %10s        ",
                            catchingUp.stream().map(row -> "v" + row.version()).toList(), snapshot.events(), snapshot.remaining(),
                            snapshot.rateText());
                    System.out.flush();
                }
            }
            System.out.println();
            if (rollback.failed()) {
                System.err.println("Rollback refused: " + rollback.payload());
                return 2;
            }
            System.out.printf("Rolled back in %d ms: %s%n", Duration.between(started, Instant.now()).toMillis(), rollback.payload());
            return 0;
        }
    }
}
