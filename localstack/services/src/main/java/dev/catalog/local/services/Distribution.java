package dev.catalog.local.services;

import dev.catalog.local.process.ServiceStartException;
import dev.catalog.local.process.StackLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * An unpacked service distribution under the stack's dist directory. The folder names carry the versions the
 * parent pom owns (filtered into {@code distributions.properties}), so code and build cannot disagree.
 */
public enum Distribution {
    POSTGRES("postgres", "created by zonky on first start"),
    KAFKA("kafka", "build localstack/dist-kafka: mvn -pl localstack/dist-kafka package"),
    DEBEZIUM_SERVER("debezium-server", "build localstack/dist-debezium: mvn -pl localstack/dist-debezium package");

    private static final Properties folders = load();

    private final String key;
    private final String howToGet;

    Distribution(String key, String howToGet) {
        this.key = key;
        this.howToGet = howToGet;
    }

    /** Where this distribution lives in {@code layout}, whether or not it is there yet. */
    public Path home(StackLayout layout) {
        return layout.distDir().resolve(folders.getProperty(key));
    }

    /** Like {@link #home}, but fails with a message saying how to get the distribution when it is missing. */
    public Path requireHome(StackLayout layout) {
        Path home = home(layout);
        if (!Files.isDirectory(home)) {
            throw new ServiceStartException(key + " distribution not found at " + home + "; " + howToGet);
        }
        return home;
    }

    private static Properties load() {
        try (InputStream in = Distribution.class.getResourceAsStream("distributions.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read distributions.properties", e);
        }
    }
}
