package dev.catalog.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the launchers need to know about processes that are not their children: leftovers of a killed run, and
 * PostgreSQL's postmaster, which pg_ctl daemonizes. (A child is better waited for through its {@link Process}.)
 */
public final class ProcessHandles {

    private ProcessHandles() {
    }

    /**
     * Whether {@code handle} runs in {@code workingDir}. Each service instance has its own working directory, so
     * this tells a leftover of ours from an unrelated process that happens to have been given a recycled pid.
     */
    public static boolean runsIn(ProcessHandle handle, Path workingDir) {
        try {
            Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(handle.pid()), "cwd"));
            return cwd.equals(workingDir.toAbsolutePath().normalize());
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** Waits for the process to end; false when it still runs after {@code timeout}. */
    public static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }
}
