package dev.catalog.local.services.opensearch;

import dev.catalog.local.process.StackLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run one OpenSearch node.
 *
 * @param home          the assembled distribution (read only)
 * @param nodeDir       this node's own files: config/, data/, logs/, tmp/; also its working directory
 * @param logFile       where the node's console output goes
 * @param pidFile       where its pid is recorded
 * @param httpPort      REST port on 127.0.0.1
 * @param transportPort node-to-node port on 127.0.0.1 (unused by a single node, but always bound)
 * @param heapMegabytes fixed heap size
 * @param startTimeout  how long the node may take to report a green cluster
 */
public record OpenSearchSettings(
        Path home,
        Path nodeDir,
        Path logFile,
        Path pidFile,
        int httpPort,
        int transportPort,
        int heapMegabytes,
        Duration startTimeout) {

    static final String SERVICE = "opensearch";

    public OpenSearchSettings {
        home = home.toAbsolutePath().normalize();
        nodeDir = nodeDir.toAbsolutePath().normalize();
        Objects.requireNonNull(logFile, "logFile");
        Objects.requireNonNull(pidFile, "pidFile");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (heapMegabytes < 256) {
            throw new IllegalArgumentException("OpenSearch needs a heap of at least 256 MB, not " + heapMegabytes);
        }
    }

    /** A node of {@code layout}'s stack: 512 MB of heap, two minutes to start (6-25 s is usual on 2 busy cores). */
    public static OpenSearchSettings forStack(StackLayout layout, int httpPort, int transportPort) {
        return new OpenSearchSettings(OpenSearchHome.in(layout.distDir()), layout.dataDir(SERVICE),
                layout.logFile(SERVICE), layout.pidFile(SERVICE), httpPort, transportPort, 512, Duration.ofMinutes(2));
    }
}
