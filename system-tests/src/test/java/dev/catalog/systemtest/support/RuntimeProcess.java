package dev.catalog.systemtest.support;

import dev.catalog.local.process.StackLayout;
import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackPorts;
import dev.catalog.local.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local runtime in a process of its own, as {@code ./catalog up} runs it, so that a test can kill it with SIGKILL
 * and start it again on the same directory and ports. It starts the stack with the runtime's own code and writes a
 * ready file once the stack serves; the services it starts are its children, and outlive it when it is killed.
 */
public final class RuntimeProcess implements AutoCloseable {

    private static final String READY_FILE = "runtime-ready";

    private final Process process;
    /** Stops the runtime when the test JVM exits before the test could (a failsafe timeout's SIGTERM, Ctrl-C). */
    private final Thread stopOnExit;

    private RuntimeProcess(Process process) {
        this.process = process;
        this.stopOnExit = new Thread(this::stop, "stop-runtime-process-" + process.pid());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /** Starts the runtime in a new JVM on the test's class path; returns at once (see {@link #awaitReady}). */
    public static RuntimeProcess start(Path projectDir, StackLayout layout, StackPorts ports, boolean fresh) {
        try {
            Files.createDirectories(layout.root());
            Files.deleteIfExists(layout.root().resolve(READY_FILE));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                    RuntimeProcess.class.getName(), projectDir.toString(), layout.root().toString(), layout.distDir().toString(),
                    Boolean.toString(fresh)));
            command.addAll(Arrays.stream(new int[] {ports.api(), ports.aws(), ports.postgres(), ports.kafka(),
                    ports.kafkaController(), ports.debezium(), ports.openSearch(), ports.openSearchTransport(), ports.console()})
                    .mapToObj(Integer::toString).toList());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(layout.root().resolve("runtime.log").toFile())).start();
            return new RuntimeProcess(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the stack serves; fails with the end of its log when the process ends first or time runs out. */
    public void awaitReady(StackLayout layout, Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        Path ready = layout.root().resolve(READY_FILE);
        while (!Files.exists(ready)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new AssertionError("the runtime (pid " + process.pid() + ") did not get ready"
                        + (process.isAlive() ? " within " + patience.toSeconds() + " s" : ": it exited with " + process.exitValue())
                        + "; see " + layout.root().resolve("runtime.log"));
            }
            Thread.sleep(200);
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or an OOM killer would: no shutdown hook runs, the services it started stay behind. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        forgetShutdownHook();
    }

    /** Stops it as Ctrl-C does (SIGTERM): its shutdown hook stops the stack's services. */
    @Override
    public void close() {
        stop();
        forgetShutdownHook();
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void forgetShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs (or ran) anyway
        }
    }

    /** The runtime's process: {@code projectDir layoutRoot distDir fresh} and the nine ports of {@link StackPorts}. */
    public static void main(String[] args) throws Exception {
        int[] port = Arrays.stream(args, 4, 13).mapToInt(Integer::parseInt).toArray();
        StackPorts ports = new StackPorts(port[0], port[1], port[2], port[3], port[4], port[5], port[6], port[7], port[8]);
        StackLayout layout = new StackLayout(Path.of(args[1]), Path.of(args[2]));
        LocalStack stack = LocalStack.start(new StackSettings(Path.of(args[0]), layout, ports, Boolean.parseBoolean(args[3])));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-runtime"));
        Files.writeString(layout.root().resolve(READY_FILE), Long.toString(ProcessHandle.current().pid()));
        Thread.currentThread().join();
    }
}
