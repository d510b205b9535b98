package dev.catalog.local.services.opensearch;

import dev.catalog.local.process.ServiceStartException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The OpenSearch distribution that {@code localstack/dist-opensearch} assembles: shared by every node of the
 * checkout and only ever read, so each node keeps its configuration, data and logs elsewhere.
 */
record OpenSearchHome(Path dir) {

    static final String VERSION = bundledVersion();

    /** The module the build adds last; its absence means the home is missing or half assembled. */
    private static final String LAST_ADDED_MODULE = "modules/mapper-extras/plugin-descriptor.properties";

    OpenSearchHome {
        dir = dir.toAbsolutePath().normalize();
    }

    static Path in(Path distDir) {
        return distDir.resolve("opensearch-" + VERSION);
    }

    void requireAssembled() {
        if (!Files.isRegularFile(dir.resolve(LAST_ADDED_MODULE))) {
            throw new ServiceStartException("OpenSearch " + VERSION + " is not assembled in " + dir
                    + "; build it with `mvn -pl localstack/dist-opensearch verify`");
        }
    }

    Path configDir() {
        return dir.resolve("config");
    }

    Path agentDir() {
        return dir.resolve("agent");
    }

    /** For -cp: the JVM expands the wildcard to every jar of lib/. */
    String classPath() {
        return dir.resolve("lib") + "/*";
    }

    /**
     * The JVM options OpenSearch would start with: its system options, then jvm.options of {@code configDir},
     * then {@code javaOpts}, then its ergonomics (e.g. direct memory sized from the heap). OpenSearch's own
     * launcher computes them, the same way bin/opensearch does, so they follow the distribution's version.
     * It resolves relative paths in jvm.options against {@code workingDir}, and its error output goes to
     * {@code errorLog}.
     */
    List<String> jvmOptions(Path java, Path configDir, Path workingDir, Map<String, String> launcherEnvironment,
            Path errorLog) {
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classPath(),
                "org.opensearch.tools.launchers.JvmOptionsParser", configDir.toString())
                .directory(workingDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(errorLog.toFile()));
        builder.environment().putAll(launcherEnvironment);
        try {
            Process parser = builder.start();
            String output = new String(parser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!parser.waitFor(1, TimeUnit.MINUTES)) {
                parser.destroyForcibly();
                throw new ServiceStartException("OpenSearch's JVM options parser did not finish; see " + errorLog);
            }
            if (parser.exitValue() != 0) {
                throw new ServiceStartException("OpenSearch's JVM options parser failed with status "
                        + parser.exitValue() + "; see " + errorLog);
            }
            // One line, options separated by spaces, as bin/opensearch splits them.
            return Arrays.stream(output.strip().split("\\s+")).filter(option -> !option.isEmpty()).toList();
        } catch (IOException e) {
            throw new ServiceStartException("cannot compute OpenSearch's JVM options: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException("interrupted while computing OpenSearch's JVM options", e);
        }
    }

    private static String bundledVersion() {
        try (InputStream in = OpenSearchHome.class.getResourceAsStream("distribution.properties")) {
            if (in == null) {
                throw new IllegalStateException("distribution.properties is missing beside " + OpenSearchHome.class);
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
