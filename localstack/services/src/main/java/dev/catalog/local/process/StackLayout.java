package dev.catalog.local.process;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a stack of local services keeps its files. The local runtime uses {@code .local/} at the repository
 * root; each test run its own directory. Distributions are unpacked once per checkout and shared by both.
 *
 * @param root    data, logs and pid files of this stack
 * @param distDir unpacked service distributions ({@code .local/dist})
 */
public record StackLayout(Path root, Path distDir) {

    public StackLayout {
        root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        distDir = Objects.requireNonNull(distDir, "distDir").toAbsolutePath().normalize();
    }

    public Path dataDir(String service) {
        return root.resolve("data").resolve(service);
    }

    public Path logFile(String service) {
        return root.resolve("logs").resolve(service + ".log");
    }

    public Path pidFile(String service) {
        return root.resolve("run").resolve(service + ".pid");
    }
}
