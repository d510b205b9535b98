package dev.catalog.local.cli;

import dev.catalog.local.rebuilds.ProjectionVersions;
import dev.catalog.platform.projection.ProjectionVersionStore;
import picocli.CommandLine.Command;

/** {@code ./catalog projections}: every version of every read model, its status, replay progress and live lag. */
@Command(name = "projections", description = "List the read models' versions: status, target, replay progress, live progress.")
final class ProjectionsCommand extends AgainstRunningStack {

    @Override
    protected int run(RunningStack stack) throws Exception {
        System.out.printf("%-8s %-4s %-9s %-12s %-24s %-12s %s%n", "PROJ", "VER", "STATUS", "TARGET", "REPLAY (from..reached/mark)",
                "LIVE SEQ", "NOTES");
        for (ProjectionVersionStore.Overview row : ProjectionVersions.read(stack.database())) {
            String replay = row.highWaterMark() == null ? "-" : row.fromSequence() + ".." + row.replayedTo() + "/" + row.highWaterMark()
                    + " (" + row.eventsReplayed() + " ev)";
            String notes = row.error() != null ? "error: " + row.error()
                    : row.verification() != null ? "verification: " + row.verification() : "";
            System.out.printf("%-8s %-4d %-9s %-12s %-24s %-12d %s%n", row.projection(), row.version(), row.status(),
                    row.target(), replay, row.lastSequenceApplied(), notes.length() > 160 ? notes.substring(0, 160) + "..." : notes);
        }
        return 0;
    }
}
