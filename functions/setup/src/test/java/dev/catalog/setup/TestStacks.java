package dev.catalog.setup;

import dev.catalog.local.process.StackLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fresh stack directory per service the integration tests start, under target/it-stack. */
public final class TestStacks {

    private TestStacks() {
    }

    public static StackLayout newLayout(String service) {
        try {
            Path base = Files.createDirectories(Path.of(requiredProperty("catalog.it.stack.dir")));
            return new StackLayout(Files.createTempDirectory(base, service + "-"),
                    Path.of(requiredProperty("catalog.dist.dir")));
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
