package dev.catalog.local.services.postgres;

import dev.catalog.local.process.StackLayout;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/** Starts PostgreSQL the way the local runtime does, in a JVM of its own that a test can kill or stop. */
public final class PostgresInChildJvm {

    private PostgresInChildJvm() {
    }

    /** Arguments: stack root, dist directory, port. Runs until the JVM is stopped. */
    public static void main(String[] args) throws InterruptedException {
        PostgresServer.start(new StackLayout(Path.of(args[0]), Path.of(args[1])), Integer.parseInt(args[2]));
        new CountDownLatch(1).await();
    }
}
