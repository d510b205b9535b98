package dev.catalog.local.functions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Deployment packages unpacked where a function's class loader can read them: {@code <directory>/<sha-256>/}, once
 * per package content, so an unchanged zip is not unpacked again and a rebuilt one never mixes with the old.
 */
final class DeploymentPackages {

    private final Path directory;

    DeploymentPackages(Path directory) {
        this.directory = directory;
    }

    /** The package's root: the zip unpacked, or the directory itself when CodeUri is one laid out the same way. */
    Path root(Path codeUri) throws IOException {
        return Files.isDirectory(codeUri) ? codeUri : unpacked(codeUri);
    }

    /** The class path Lambda's Java runtime builds from a package: its root (classes), then every jar of lib/. */
    static List<URL> classPath(Path root) throws IOException {
        List<URL> classPath = new ArrayList<>();
        classPath.add(url(root));
        Path lib = root.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                jars.filter(jar -> jar.getFileName().toString().endsWith(".jar"))
                        .sorted(Comparator.comparing(Path::getFileName))
                        .forEach(jar -> classPath.add(url(jar)));
            }
        }
        return classPath;
    }

    private synchronized Path unpacked(Path zip) throws IOException {
        Path target = directory.resolve(sha256(zip));
        if (Files.isDirectory(target)) {
            return target;
        }
        Files.createDirectories(directory);
        Path staging = Files.createTempDirectory(directory, ".unpacking-");
        try {
            unzip(zip, staging);
            // Another runtime on the same data directory may have unpacked the same package meanwhile: keep theirs.
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteRecursively(staging);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(staging);
            throw e;
        }
        return target;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException(zip + " has an entry outside its root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target);
                }
            }
        }
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream content = new DigestInputStream(Files.newInputStream(file), digest)) {
            content.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
