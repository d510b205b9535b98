package dev.catalog.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A stack of services for one integration test: its own directory below target/it-stack, the checkout's shared
 * distributions. Left in place after the run, for its logs; {@code mvn clean} removes it. In the main code, beside
 * {@link FreePorts}, because the integration tests of every module that starts a service use it; the build sets the
 * two system properties it reads.
 */
public final class TestStackLayout {

    private TestStackLayout() {
    }

    public static StackLayout create(String name) {
        try {
            Path base = Files.createDirectories(Path.of(requiredProperty("catalog.it.stack.dir")));
            // Readable by all: under root, services run as the unprivileged user, who must reach their directory.
            Path root = Files.createTempDirectory(base, name + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            return new StackLayout(root, Path.of(requiredProperty("catalog.dist.dir")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven");
        }
        return value;
    }
}
