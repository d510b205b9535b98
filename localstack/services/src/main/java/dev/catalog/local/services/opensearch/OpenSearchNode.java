package dev.catalog.local.services.opensearch;

import dev.catalog.local.process.ManagedProcess;
import dev.catalog.local.process.Supervisor;
import dev.catalog.local.process.ProcessSpec;
import dev.catalog.local.process.ServiceStartException;
import dev.catalog.local.process.Users;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single OpenSearch node running as a child process from the shared distribution, with its own
 * configuration, data and logs in {@link OpenSearchSettings#nodeDir()}, kept across restarts.
 *
 * <p>It runs the JVM directly rather than through bin/opensearch: that script changes into the distribution
 * folder, which would give every node the same working directory, and a node's working directory is what
 * identifies it as ours when a killed run left it behind. OpenSearch refuses to run as root; under root it
 * runs as the unprivileged user, who then owns the node directory.
 */
public final class OpenSearchNode implements Supervisor.Supervised {

    private static final Logger log = LoggerFactory.getLogger(OpenSearchNode.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final ManagedProcess process;
    private final URI baseUri;

    private OpenSearchNode(ManagedProcess process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
    }

    /** Starts the node and returns once its cluster is green; fails with the end of its log otherwise. */
    public static OpenSearchNode start(OpenSearchSettings settings) {
        OpenSearchHome home = new OpenSearchHome(settings.home());
        home.requireAssembled();
        NodeDir nodeDir = NodeDir.prepare(settings, home);
        List<String> command = command(settings, home, nodeDir);
        Users.handOverToUnprivileged(nodeDir.root());

        Instant launched = Instant.now();
        ManagedProcess process = ManagedProcess.start(new ProcessSpec(OpenSearchSettings.SERVICE, command,
                nodeDir.root(), Map.of(), settings.logFile(), settings.pidFile(), STOP_TIMEOUT, true));
        OpenSearchNode node = new OpenSearchNode(process, baseUri(settings.httpPort()));
        try (HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build()) {
            process.awaitReady(settings.startTimeout(), () -> node.isGreen(http));
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
        log.info("OpenSearch {} ready at {} after {} ms (pid {}, log {})", OpenSearchHome.VERSION, node.baseUri,
                Duration.between(launched, Instant.now()).toMillis(), process.pid(), process.logFile());
        return node;
    }

    /** The REST endpoint, e.g. {@code http://127.0.0.1:19200}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The REST endpoint of a node listening on {@code httpPort}, whichever run of it is up. */
    public static URI baseUri(int httpPort) {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    public int httpPort() {
        return baseUri.getPort();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public CompletableFuture<?> onExit() {
        return process.onExit();
    }

    public Path logFile() {
        return process.logFile();
    }

    /** Stops gracefully, so OpenSearch flushes its shards; data stays for the next start. */
    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** What bin/opensearch would run, on the JVM running this code (one JDK, 21 or newer, for the whole stack). */
    private static List<String> command(OpenSearchSettings settings, OpenSearchHome home, NodeDir nodeDir) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(home.jvmOptions(java, nodeDir.config(), nodeDir.root(), Map.of(
                "OPENSEARCH_JAVA_OPTS", "-Xms%1$dm -Xmx%1$dm".formatted(settings.heapMegabytes()),
                "OPENSEARCH_TMPDIR", nodeDir.tmp().toString()), settings.logFile()));
        command.addAll(List.of(
                "-Dopensearch.path.home=" + home.dir(),
                "-Dopensearch.path.conf=" + nodeDir.config(),
                "-Dopensearch.distribution.type=zip",
                "-Dopensearch.bundled_jdk=false",
                "-cp", home.classPath(),
                "org.opensearch.bootstrap.OpenSearch"));
        return command;
    }

    /** Cluster health answers 200 once the status is green, and 408 when the wait times out first. */
    private boolean isGreen(HttpClient http) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/_cluster/health?wait_for_status=green&timeout=1s"))
                .timeout(Duration.ofSeconds(5))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A node's own files, laid out like a distribution: config/, data/, logs/, plus tmp/. */
    private record NodeDir(Path root) {

        Path config() {
            return root.resolve("config");
        }

        Path data() {
            return root.resolve("data");
        }

        Path logs() {
            return root.resolve("logs");
        }

        Path tmp() {
            return root.resolve("tmp");
        }

        /**
         * Writes the configuration afresh at every start; data, logs and the keystore OpenSearch creates stay.
         */
        static NodeDir prepare(OpenSearchSettings settings, OpenSearchHome home) {
            NodeDir dir = new NodeDir(settings.nodeDir());
            // OpenSearch's launcher joins JVM options with spaces, so no path in them may contain one.
            for (Path path : List.of(home.dir(), dir.root())) {
                if (path.toString().chars().anyMatch(Character::isWhitespace)) {
                    throw new ServiceStartException("OpenSearch cannot run from a path with whitespace: " + path);
                }
            }
            try {
                for (Path path : List.of(dir.config(), dir.data(), dir.logs(), dir.tmp(), settings.logFile().getParent())) {
                    Files.createDirectories(path);
                }
                copyTree(home.configDir(), dir.config());
                // jvm.options loads the agent from agent/, relative to the working directory. That is the
                // distribution for bin/opensearch, but a node's own directory here: the agent needs its absolute
                // path. The other relative paths (data for heap dumps, logs/ for gc.log) rightly land in the node.
                // One local node's small heap needs no concurrent collector: the serial one spares G1's background
                // threads and write barriers, which cost CPU at idle and per indexed document.
                String jvmOptions = Files.readString(home.configDir().resolve("jvm.options"));
                Files.writeString(dir.config().resolve("jvm.options"),
                        jvmOptions.replace("-javaagent:agent/", "-javaagent:" + home.agentDir() + "/")
                                .replace("-XX:+UseG1GC", "-XX:+UseSerialGC"));
                Files.writeString(dir.config().resolve("opensearch.yml"), dir.settingsFile(settings));
            } catch (IOException e) {
                throw new ServiceStartException("cannot prepare " + dir.root() + " for OpenSearch: " + e, e);
            }
            return dir;
        }

        private String settingsFile(OpenSearchSettings settings) {
            return """
                    # Written by OpenSearchNode at every start: edits here are lost.
                    cluster.name: catalog-local
                    node.name: catalog-local
                    network.host: 127.0.0.1
                    http.port: %d
                    transport.port: %d
                    discovery.type: single-node
                    # A missing index must be an error: auto-creation after a failed creation guesses the mappings.
                    action.auto_create_index: false
                    # A nearly full laptop disk must not turn indices read-only in the middle of a test.
                    cluster.routing.allocation.disk.threshold_enabled: false
                    path.data: %s
                    path.logs: %s
                    """.formatted(settings.httpPort(), settings.transportPort(), yamlString(data()), yamlString(logs()));
        }

        private static String yamlString(Path path) {
            return "'" + path.toString().replace("'", "''") + "'";
        }

        private static void copyTree(Path from, Path to) throws IOException {
            try (Stream<Path> sources = Files.walk(from)) {
                for (Path source : (Iterable<Path>) sources::iterator) {
                    Path target = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }
}
