package dev.catalog.local.functions;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.catalog.local.testfunctions.ApiFunction;
import dev.catalog.platform.config.Environment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A template of the tests and, beside it, the deployment package of the test functions, laid out as the function
 * modules' assembly lays out theirs: classes at the root, dependency jars in lib/ (aws-lambda-java-core, the events
 * model, and the platform module for its {@code Environment}).
 */
public final class TestDeployment {

    /** The name the test templates' CodeUri gives the package. */
    public static final String PACKAGE = "test-functions.zip";

    private static final String FUNCTIONS_PACKAGE = ApiFunction.class.getPackageName().replace('.', '/');

    private TestDeployment() {
    }

    /** Copies the template resource to {@code directory/template.yaml} and builds the package beside it. */
    public static Path prepare(Path directory, String templateResource) {
        try (InputStream template = TestDeployment.class.getResourceAsStream(templateResource)) {
            Path file = directory.resolve("template.yaml");
            Files.copy(template, file);
            buildPackage(directory.resolve(PACKAGE));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void buildPackage(Path zip) throws IOException {
        Path testClasses = location(ApiFunction.class);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files(testClasses.resolve(FUNCTIONS_PACKAGE))) {
                add(out, testClasses.relativize(file).toString(), Files.readAllBytes(file));
            }
            for (Class<?> dependency : List.of(RequestHandler.class, APIGatewayV2HTTPEvent.class, Environment.class)) {
                Path location = location(dependency);
                String name = "lib/" + location.getFileName() + (Files.isDirectory(location) ? ".jar" : "");
                add(out, name, Files.isDirectory(location) ? jar(location) : Files.readAllBytes(location));
            }
        }
    }

    /** A module built in this reactor is a classes directory on the test class path, not a jar yet. */
    private static byte[] jar(Path classes) throws IOException {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(jar)) {
            for (Path file : files(classes)) {
                add(out, classes.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return jar.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name.replace('\\', '/')));
        zip.write(content);
        zip.closeEntry();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static Path location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
