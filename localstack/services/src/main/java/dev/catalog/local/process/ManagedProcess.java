package dev.catalog.local.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service running as a child process, stopped by its own pid and nothing else.
 *
 * <p>Every child is recorded in a pid file and in a JVM-wide registry whose shutdown hook stops whatever is
 * still running when the JVM exits, normally or by SIGTERM/SIGINT, newest first (a service stops before the
 * services it depends on). A JVM killed outright cannot run hooks, so the next start reads the pid file and
 * stops the leftover, but only if that pid still runs in the same working directory (each service instance has
 * its own): a recycled pid belonging to someone else is left alone.
 */
public final class ManagedProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ManagedProcess.class);
    private static final Deque<ManagedProcess> running = new ArrayDeque<>();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ManagedProcess::stopAll, "stop-child-processes"));
    }

    private final ProcessSpec spec;
    private final Process process;
    private volatile boolean stopRequested;

    private ManagedProcess(ProcessSpec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    public static ManagedProcess start(ProcessSpec spec) {
        if (shuttingDown || JvmExit.begun()) {
            // A supervisor restarting a service while the JVM exits would leave a child nobody stops.
            throw new ServiceStartException("not starting " + spec.name() + ": the JVM is shutting down");
        }
        stopLeftover(spec);
        try {
            Files.createDirectories(spec.logFile().getParent());
            Files.createDirectories(spec.pidFile().getParent());
            ProcessBuilder builder = new ProcessBuilder(spec.effectiveCommand())
                    .directory(spec.workingDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
            builder.environment().putAll(spec.environment());
            Process process = builder.start();
            ManagedProcess managed = new ManagedProcess(spec, process);
            Files.writeString(spec.pidFile(), Long.toString(process.pid()), StandardCharsets.US_ASCII);
            synchronized (running) {
                running.push(managed);
            }
            log.debug("started {} (pid {})", spec.name(), process.pid());
            return managed;
        } catch (IOException e) {
            throw new ServiceStartException("cannot start " + spec.name() + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return spec.name();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return spec.logFile();
    }

    /** Completes when the process has ended, whatever ended it. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Whether {@link #stop()} or {@link #kill()} was called: an exit that was asked for, not a crash. */
    public boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Waits until {@code ready} holds. Fails fast, with the end of the service's log, when the process exits
     * first or the time runs out.
     */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceStartException(spec.name() + " exited with status " + process.exitValue()
                        + " before it was ready; the end of " + spec.logFile() + ":\n" + tailOfLog(30));
            }
            if (probe(ready)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServiceStartException(spec.name() + " was not ready after " + timeout.toSeconds()
                        + " s; the end of " + spec.logFile() + ":\n" + tailOfLog(30));
            }
            pause(Duration.ofMillis(100));
        }
    }

    /** Stops gracefully (SIGTERM), then forcibly (SIGKILL) when the stop timeout passes. Children go too. */
    public void stop() {
        stopRequested = true;
        if (process.isAlive()) {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            if (!waitForExit(spec.stopTimeout())) {
                log.warn("{} (pid {}) did not stop within {} s; killing it", spec.name(), process.pid(), spec.stopTimeout().toSeconds());
                process.destroyForcibly();
                waitForExit(Duration.ofSeconds(10));
            }
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        forget();
    }

    /** Kills at once with SIGKILL, as a crash would: no shutdown, no flush. For fault-injection tests. */
    public void kill() {
        stopRequested = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        waitForExit(Duration.ofSeconds(10));
        forget();
    }

    @Override
    public void close() {
        stop();
    }

    public String tailOfLog(int lines) {
        return LogTail.of(spec.logFile(), lines);
    }

    /**
     * Waits through the {@link Process} itself: its exit is noticed the moment the JDK reaps the child, while a
     * {@link ProcessHandle} of the same pid that misses the reaping falls back to polling (seconds late).
     */
    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void forget() {
        synchronized (running) {
            running.remove(this);
        }
        try {
            Files.deleteIfExists(spec.pidFile());
        } catch (IOException e) {
            log.debug("cannot delete {}", spec.pidFile(), e);
        }
    }

    private static void stopAll() {
        shuttingDown = true;
        while (true) {
            ManagedProcess next;
            synchronized (running) {
                next = running.peek();
            }
            if (next == null) {
                return;
            }
            next.stop();
        }
    }

    /** Stops a process an earlier, killed run of this service left behind, identified by the pid file. */
    private static void stopLeftover(ProcessSpec spec) {
        Optional<ProcessHandle> leftover = readPid(spec.pidFile()).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(handle -> ProcessHandles.runsIn(handle, spec.workingDir()));
        leftover.ifPresent(handle -> {
            log.warn("stopping {} left behind by an earlier run (pid {})", spec.name(), handle.pid());
            handle.descendants().forEach(ProcessHandle::destroy);
            handle.destroy();
            if (!ProcessHandles.waitFor(handle, spec.stopTimeout())) {
                handle.destroyForcibly();
                ProcessHandles.waitFor(handle, Duration.ofSeconds(10));
            }
        });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean probe(BooleanSupplier ready) {
        try {
            return ready.getAsBoolean();
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while waiting for a service");
        }
    }
}
