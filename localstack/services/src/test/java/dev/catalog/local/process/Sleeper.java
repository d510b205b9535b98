package dev.catalog.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/** A service that is one {@code sleep} process, for the supervisor's tests. */
record Sleeper(Process process) implements Supervisor.Supervised {

    static Sleeper start() {
        try {
            return new Sleeper(new ProcessBuilder("sleep", "600").start());
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
