package dev.catalog.local.services.debezium;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The repository's {@code debezium-server/application.properties} (packaged into this module's jar), plus the
 * environment overrides an instance runs with: what Debezium Server will see, for the few values the launcher
 * needs to know itself (the slot to report on, the heartbeat topic to create).
 */
final class DebeziumConfiguration {

    private static final String RESOURCE = "/debezium-server/application.properties";
    private static final String TEXT = read();

    private final Properties file;
    private final Map<String, String> environment;

    DebeziumConfiguration(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.file = new Properties();
        try {
            file.load(new StringReader(TEXT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the file as it is in the repository; the overrides go to the process environment. */
    void writeTo(Path applicationProperties) {
        try {
            Files.createDirectories(applicationProperties.getParent());
            Files.writeString(applicationProperties, TEXT, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + applicationProperties, e);
        }
    }

    String slotName() {
        return required("debezium.source.slot.name");
    }

    /** Where Debezium sends its heartbeats: {@code <topic.heartbeat.prefix>.<topic.prefix>}. */
    String heartbeatTopic() {
        return value("debezium.source.topic.heartbeat.prefix").orElse("__debezium-heartbeat") + "."
                + required("debezium.source.topic.prefix");
    }

    /** The environment variable that overrides {@code property}, by Debezium Server's naming rule. */
    static String environmentName(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private Optional<String> value(String property) {
        return Optional.ofNullable(environment.get(environmentName(property)))
                .or(() -> Optional.ofNullable(file.getProperty(property)));
    }

    private String required(String property) {
        return value(property).orElseThrow(() -> new IllegalStateException(property + " is missing from " + RESOURCE));
    }

    private static String read() {
        try (InputStream in = DebeziumConfiguration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path; it is packaged from the "
                        + "repository's debezium-server/ folder by the catalog-local-services build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
