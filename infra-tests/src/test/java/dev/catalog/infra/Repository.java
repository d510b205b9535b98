package dev.catalog.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The project's Maven modules as the checks need them: which directory a deployment package comes from, which of
 * the project's modules end up in it, and their sources.
 */
final class Repository {

    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);

    private final Path root;
    /** Module directory by artifactId. */
    private final Map<String, Path> modules = new LinkedHashMap<>();

    Repository(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try (Stream<Path> poms = Files.walk(this.root)) {
            poms.filter(pom -> pom.getFileName().toString().equals("pom.xml"))
                    .filter(pom -> !this.root.relativize(pom).toString().matches("(.*/)?(target|node_modules|\\.local)/.*"))
                    .forEach(pom -> modules.put(artifactId(read(pom)), pom.getParent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The checkout this test runs in: Maven passes its root directory. */
    static Repository current() {
        String root = System.getProperty("catalog.root");
        if (root == null) {
            throw new IllegalStateException("system property catalog.root is not set; run the tests through Maven");
        }
        return new Repository(Path.of(root));
    }

    Path root() {
        return root;
    }

    Path template() {
        return root.resolve("template.yaml");
    }

    /**
     * The module a CodeUri's deployment package is built by: {@code functions/<dir>/target/<artifactId>.zip} is the
     * zip the module in {@code functions/<dir>} builds (functions/lambda-package.xml), if its artifactId matches.
     */
    Optional<String> moduleOfPackage(String codeUri) {
        Matcher zip = Pattern.compile("(.+)/target/([^/]+)\\.zip").matcher(codeUri);
        if (!zip.matches()) {
            return Optional.empty();
        }
        Path directory = root.resolve(zip.group(1)).normalize();
        return Optional.of(zip.group(2)).filter(artifactId -> directory.equals(modules.get(artifactId)));
    }

    Path directory(String artifactId) {
        Path directory = modules.get(artifactId);
        if (directory == null) {
            throw new IllegalArgumentException("no module " + artifactId + " in " + root);
        }
        return directory;
    }

    /** The module and every project module it depends on at run time, transitively: what its package contains. */
    Set<String> withRuntimeDependencies(String artifactId) {
        Set<String> found = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(artifactId));
        while (!pending.isEmpty()) {
            String next = pending.removeLast();
            if (found.add(next)) {
                pending.addAll(projectDependencies(next));
            }
        }
        return found;
    }

    /** The .java files under a module's src/main/java. */
    List<Path> mainSources(String artifactId) {
        return files(directory(artifactId).resolve("src/main/java"), ".java");
    }

    /** The files under a module's src/main/resources. */
    List<Path> mainResources(String artifactId) {
        return files(directory(artifactId).resolve("src/main/resources"), "");
    }

    /** The fully qualified class name of a source file under src/main/java. */
    static String className(Path sourceRoot, Path source) {
        String relative = sourceRoot.relativize(source).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }

    private List<String> projectDependencies(String artifactId) {
        List<String> dependencies = new ArrayList<>();
        Matcher dependency = DEPENDENCY.matcher(read(directory(artifactId).resolve("pom.xml")));
        while (dependency.find()) {
            String declaration = dependency.group(1);
            Matcher id = ARTIFACT_ID.matcher(declaration);
            boolean runtime = !declaration.contains("<scope>test</scope>") && !declaration.contains("<scope>provided</scope>")
                    && !declaration.contains("<type>pom</type>");
            if (declaration.contains("<groupId>dev.catalog</groupId>") && runtime && id.find()) {
                dependencies.add(id.group(1));
            }
        }
        return dependencies;
    }

    private static List<Path> files(Path directory, String suffix) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String artifactId(String pom) {
        Matcher id = ARTIFACT_ID.matcher(PARENT.matcher(pom).replaceFirst(""));
        if (!id.find()) {
            throw new IllegalStateException("a pom.xml without artifactId");
        }
        return id.group(1);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
