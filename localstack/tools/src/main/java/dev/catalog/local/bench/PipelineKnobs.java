package dev.catalog.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.eventsources.MappingDefinition;
import dev.catalog.local.template.SamTemplate;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The settings that decide the pipeline's lag and throughput, as the running stack has them: Debezium Server's
 * polling and batching (debezium-server/application.properties), each event source mapping's batch size and batching
 * window (template.yaml), and the products index's refresh settings (asked of OpenSearch).
 */
public record PipelineKnobs(Map<String, String> debezium, List<MappingDefinition> mappings, Map<String, String> productsIndex) {

    private static final List<String> DEBEZIUM_KEYS = List.of(
            "debezium.source.poll.interval.ms", "debezium.source.max.batch.size", "debezium.source.max.queue.size",
            "debezium.sink.kafka.producer.linger.ms", "debezium.sink.kafka.producer.batch.size",
            "debezium.sink.kafka.producer.compression.type", "debezium.source.offset.flush.interval.ms");
    /** When a write becomes searchable: the refresh schedule, and whether a refresh waits for the merges it starts. */
    private static final List<String> INDEX_KEYS = List.of("refresh_interval", "merge_on_flush.enabled");

    public static PipelineKnobs read(Path projectDir, SamTemplate template, URI openSearch) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(projectDir.resolve("debezium-server/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read debezium-server/application.properties", e);
        }
        Map<String, String> debezium = new LinkedHashMap<>();
        for (String key : DEBEZIUM_KEYS) {
            debezium.put(key.substring("debezium.".length()), properties.getProperty(key, "(default)"));
        }
        return new PipelineKnobs(debezium, MappingDefinition.of(template), productsIndexSettings(openSearch));
    }

    void print(PrintStream out) {
        out.println("Settings that matter (environment overrides given to ./catalog up, DEBEZIUM_*, are not visible here):");
        StringBuilder line = new StringBuilder("  Debezium Server:");
        debezium.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        out.println(line);
        for (MappingDefinition mapping : mappings) {
            out.printf("  event source mapping %s: BatchSize %d, MaximumBatchingWindowInSeconds %s%n", mapping.name(),
                    mapping.batchSize(), mapping.batchingWindow().toMillis() / 1000.0);
        }
        StringBuilder index = new StringBuilder("  products index:");
        productsIndex.forEach((key, value) -> index.append(' ').append(key).append('=').append(value));
        out.println(index);
    }

    private static Map<String, String> productsIndexSettings(URI openSearch) {
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            String names = String.join(",", INDEX_KEYS.stream().map(key -> "index." + key).toList());
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    openSearch.resolve("/products/_settings/" + names + "?include_defaults=true&flat_settings=true"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode index = new ObjectMapper().readTree(response.body()).elements().next();
            for (String key : INDEX_KEYS) {
                JsonNode set = index.path("settings").path("index." + key);
                settings.put(key, set.isMissingNode() ? index.path("defaults").path("index." + key).asText() + " (default)" : set.asText());
            }
        } catch (IOException e) {
            INDEX_KEYS.forEach(key -> settings.put(key, "unknown (" + e.getMessage() + ")"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            INDEX_KEYS.forEach(key -> settings.put(key, "unknown"));
        }
        return settings;
    }
}
