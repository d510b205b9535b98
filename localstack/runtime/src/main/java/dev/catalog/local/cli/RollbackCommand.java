package dev.catalog.local.cli;

import dev.catalog.local.rebuilds.RebuildControl;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./catalog rollback --projection P}: the previous version of a read model becomes LIVE again, in one step. */
@Command(name = "rollback", description = "Make a read model's previous (RETIRED) version LIVE again.")
final class RollbackCommand implements Callable<Integer> {

    @Option(names = "--projection", required = true, description = "detail or search.")
    private String projection;

    @Override
    public Integer call() {
        Optional<RunningStack> running = RunningStack.find();
        if (running.isEmpty()) {
            return 1;
        }
        try (RebuildControl rebuilds = running.get().rebuilds()) {
            RebuildControl.Invocation rollback = rebuilds.rollback(projection);
            if (rollback.failed()) {
                System.err.println("Rollback failed: " + rollback.payload());
                return 2;
            }
            System.out.println("Rolled back: " + rollback.payload());
            return 0;
        }
    }
}
