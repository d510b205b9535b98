package dev.catalog.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * A JVM (started by {@link SupervisorTest}) that supervises a {@code sleep} process which, like PostgreSQL under
 * Zonky, is stopped by a shutdown hook of its own, then exits while a slower hook still runs (as the stack's own
 * close does). Every pid it starts is appended to the file named by its first argument.
 */
public final class SupervisedJvmExit {

    private SupervisedJvmExit() {
    }

    public static void main(String[] args) throws Exception {
        Path pids = Path.of(args[0]);
        Supervisor.start("sleeper", () -> SelfStopping.start(pids),
                new Supervisor.Backoff(Duration.ofMillis(10), Duration.ofMillis(10)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> pause(Duration.ofSeconds(2)), "slow-close"));
        System.exit(0);
    }

    private record SelfStopping(Process process) implements Supervisor.Supervised {

        static SelfStopping start(Path pids) {
            try {
                Process process = new ProcessBuilder("sleep", "600").start();
                Files.writeString(pids, process.pid() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                // Registered after the process started, as Zonky does: during shutdown this throws, and the
                // process started just before stays behind unless nobody starts it in the first place.
                Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-sleeper"));
                return new SelfStopping(process);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public CompletableFuture<?> onExit() {
            return process.onExit();
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
