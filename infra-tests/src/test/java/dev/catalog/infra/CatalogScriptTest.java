package dev.catalog.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./catalog} script's rebuild rule, on a copy of the script in a checkout of its own whose {@code mvnw}
 * only records that it was called: a changed source is built before a command runs, except under a stack that
 * {@code ./catalog up} runs from the same checkout (a build would replace the jars it is running from).
 */
class CatalogScriptTest {

    private static final Repository REPOSITORY = Repository.current();

    @Test
    void a_changed_source_is_built_before_the_command_runs(@TempDir Path checkout) throws Exception {
        checkoutWithAChangedSource(checkout);

        String output = run(checkout);

        assertThat(checkout.resolve("mvnw-called")).as(output).exists();
    }

    @Test
    void nothing_is_rebuilt_under_a_stack_running_from_the_same_checkout(@TempDir Path checkout) throws Exception {
        checkoutWithAChangedSource(checkout);
        // A process whose command line names this checkout, as the runtime's does, recorded as ./catalog up records it.
        Process stack = new ProcessBuilder("bash", "-c", "sleep 60; true", "-Dcatalog.project.dir=" + checkout).start();
        try {
            Files.createDirectories(checkout.resolve(".local/run"));
            Files.writeString(checkout.resolve(".local/run/stack.json"),
                    "{\"pid\":" + stack.pid() + ",\"startedAt\":\"" + Instant.now() + "\",\"ports\":{}}");

            String output = run(checkout);

            assertThat(checkout.resolve("mvnw-called")).as(output).doesNotExist();
            assertThat(output).contains("not rebuilding under it", "pid " + stack.pid());
        } finally {
            stack.destroyForcibly();
        }
    }

    private static void checkoutWithAChangedSource(Path checkout) throws IOException {
        Files.copy(REPOSITORY.root().resolve("catalog"), checkout.resolve("catalog"));
        Files.writeString(checkout.resolve("mvnw"), "#!/usr/bin/env bash\ntouch \"$(dirname \"$0\")/mvnw-called\"\n");
        for (String script : new String[] {"catalog", "mvnw"}) {
            Files.setPosixFilePermissions(checkout.resolve(script), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (String built : new String[] {"localstack/runtime/target/catalog-local.jar",
                "localstack/tools/target/catalog-local-tools.jar", ".local/build.stamp"}) {
            Files.createDirectories(checkout.resolve(built).getParent());
            Files.createFile(checkout.resolve(built));
            Files.setLastModifiedTime(checkout.resolve(built), FileTime.from(Instant.now().minusSeconds(60)));
        }
        Files.writeString(checkout.resolve("Changed.java"), "class Changed {}");
    }

    /** Runs {@code ./catalog --version} there; the command itself fails on the empty jars, which is not the point. */
    private static String run(Path checkout) throws IOException, InterruptedException {
        ProcessBuilder catalog = new ProcessBuilder(checkout.resolve("catalog").toString(), "--version")
                .directory(checkout.toFile()).redirectErrorStream(true);
        catalog.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = catalog.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
