package dev.catalog.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

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
        Supervisor.start("sleeper", () -> selfStopping(pids),
                new Supervisor.Backoff(Duration.ofMillis(10), Duration.ofMillis(10)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> pause(Duration.ofSeconds(2)), "slow-close"));
        System.exit(0);
    }

    /** Starts a sleeper and, as Zonky does for PostgreSQL, a shutdown hook of its own that stops it; records its pid. */
    private static Sleeper selfStopping(Path pids) {
        Sleeper sleeper = Sleeper.start();
        try {
            Files.writeString(pids, sleeper.pid() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Registered after the process started, as Zonky does: during shutdown this throws, and the process started
        // just before stays behind unless nobody starts it in the first place.
        Runtime.getRuntime().addShutdownHook(new Thread(sleeper::close, "stop-sleeper"));
        return sleeper;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
