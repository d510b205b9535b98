package dev.catalog.infra;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * debezium-server/application.properties: its properties, and which of them depend on where Debezium runs (the
 * file's first section, "Where it runs", up to the next {@code # ----} heading).
 */
record DebeziumProperties(Map<String, String> values, Set<String> whereItRuns) {

    static DebeziumProperties load(Path file) {
        String text = Repository.read(file);
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> values.put(key, properties.getProperty(key)));
        Set<String> whereItRuns = new LinkedHashSet<>();
        boolean inFirstSection = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("# ----")) {
                if (inFirstSection) {
                    break;
                }
                inFirstSection = line.contains("Where it runs");
            } else if (inFirstSection && !line.isBlank() && !line.startsWith("#") && line.contains("=")) {
                whereItRuns.add(line.substring(0, line.indexOf('=')).strip());
            }
        }
        return new DebeziumProperties(values, whereItRuns);
    }

    /** The variable that sets a property: upper case, dots as underscores (Debezium Server's env config source). */
    static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** The property a variable sets, the way Debezium Server reads it back. */
    static String property(String variable) {
        return variable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The topic the outbox router sends events of an aggregate type to. */
    String topicOf(String aggregateType) {
        return values.get("debezium.transforms.outbox.route.topic.replacement").replace("$${routedByValue}", aggregateType);
    }
}
