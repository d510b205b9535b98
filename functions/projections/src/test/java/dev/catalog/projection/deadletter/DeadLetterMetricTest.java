package dev.catalog.projection.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterMetricTest {

    private static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z");

    @Test
    void writes_one_embedded_metric_format_line_per_batch_that_dead_lettered() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeadLetterMetric metric = new DeadLetterMetric("catalog-dev-SearchProjectionFunction", new PrintStream(out, true, StandardCharsets.UTF_8));

        metric.record(3, NOW);

        JsonNode line = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertThat(line.at("/_aws/Timestamp").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo("Catalog");
        assertThat(directive.at("/Dimensions/0/0").asText()).isEqualTo("FunctionName");
        assertThat(directive.at("/Metrics/0/Name").asText()).isEqualTo("DeadLetters");
        assertThat(directive.at("/Metrics/0/Unit").asText()).isEqualTo("Count");
        // The dimension's value and the metric's value are root members, as the format requires.
        assertThat(line.get("FunctionName").asText()).isEqualTo("catalog-dev-SearchProjectionFunction");
        assertThat(line.get("DeadLetters").asInt()).isEqualTo(3);
    }

    @Test
    void writes_nothing_for_a_batch_without_dead_letters() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new DeadLetterMetric("f", new PrintStream(out, true, StandardCharsets.UTF_8)).record(0, NOW);

        assertThat(out.size()).isZero();
    }
}
