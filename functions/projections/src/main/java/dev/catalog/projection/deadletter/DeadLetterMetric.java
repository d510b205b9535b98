package dev.catalog.projection.deadletter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;

/**
 * How many records a batch dead-lettered, as a CloudWatch metric in the embedded metric format: one JSON line on
 * standard output, which Lambda ships to CloudWatch Logs, where it becomes the metric {@code Catalog/DeadLetters}
 * with the dimension {@code FunctionName} (the function's own name, so two stacks never add up) and the alarm in
 * template.yaml fires. Written only when a batch dead-lettered something: no line, no data point.
 */
public final class DeadLetterMetric {

    static final String NAMESPACE = "Catalog";
    static final String METRIC = "DeadLetters";
    static final String DIMENSION = "FunctionName";

    private final String functionName;
    private final PrintStream out;

    public DeadLetterMetric(String functionName, PrintStream out) {
        this.functionName = functionName;
        this.out = out;
    }

    public void record(int deadLettered, Instant now) {
        if (deadLettered > 0) {
            out.println(line(deadLettered, now));
        }
    }

    String line(int deadLettered, Instant now) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        ObjectNode directive = line.putObject("_aws").put("Timestamp", now.toEpochMilli())
                .putArray("CloudWatchMetrics").addObject().put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add(DIMENSION);
        directive.putArray("Metrics").addObject().put("Name", METRIC).put("Unit", "Count");
        line.put(DIMENSION, functionName);
        line.put(METRIC, deadLettered);
        return line.toString();
    }
}
