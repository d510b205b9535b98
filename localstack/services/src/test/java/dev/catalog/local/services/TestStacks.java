package dev.catalog.local.services;

import dev.catalog.local.process.StackLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Stack directories for tests: each test class its own, under target/, sharing the checkout's distributions. */
public final class TestStacks {

    private TestStacks() {
    }

    /** An empty stack directory named {@code name}; whatever an earlier run left there is deleted. */
    public static StackLayout fresh(String name) {
        Path root = Path.of(requiredProperty("catalog.it.stack.dir")).resolve(name);
        deleteRecursively(root);
        return new StackLayout(root, Path.of(requiredProperty("catalog.dist.dir")));
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven "
                    + "(failsafe sets it) or set it in your IDE's run configuration");
        }
        return value;
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
