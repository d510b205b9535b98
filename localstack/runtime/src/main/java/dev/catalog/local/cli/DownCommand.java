package dev.catalog.local.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/** {@code ./catalog down}: stops the running stack gracefully, by the pid it recorded. */
@Command(name = "down", description = "Stop the running local stack.")
final class DownCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Optional<StackRecord> running = StackRecord.running(CatalogCommand.projectDir());
        if (running.isEmpty()) {
            System.out.println("Catalog is not running.");
            return 0;
        }
        ProcessHandle process = ProcessHandle.of(running.get().pid()).orElseThrow();
        process.destroy();
        try {
            process.onExit().get(90, TimeUnit.SECONDS);
            System.out.println("Catalog stopped.");
            return 0;
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.println("Catalog (pid " + process.pid() + ") did not stop within 90 s.");
            return 1;
        }
    }
}
