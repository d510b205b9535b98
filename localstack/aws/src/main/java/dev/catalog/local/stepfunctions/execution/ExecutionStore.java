package dev.catalog.local.stepfunctions.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.stepfunctions.Json;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Executions on disk: {@code <dataDir>/executions/<state machine>/<execution>/execution.json} (what DescribeExecution
 * shows) beside {@code history.jsonl}. Names cannot contain '/', so they make safe directory names.
 */
final class ExecutionStore {

    private static final String DESCRIPTION = "execution.json";
    private static final String HISTORY = "history.jsonl";

    private final Path root;

    ExecutionStore(Path dataDirectory) {
        this.root = dataDirectory.resolve("executions");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Step Functions data directory " + root, e);
        }
    }

    Path directory(String stateMachineName, String executionName) {
        return root.resolve(stateMachineName).resolve(executionName);
    }

    Path historyFile(String stateMachineName, String executionName) {
        return directory(stateMachineName, executionName).resolve(HISTORY);
    }

    void createDirectory(String stateMachineName, String executionName) {
        try {
            Files.createDirectories(directory(stateMachineName, executionName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of execution " + executionName, e);
        }
    }

    /** Writes the description atomically, so a crash never leaves half a file behind. */
    void save(String stateMachineName, Execution execution) {
        Path directory = directory(stateMachineName, execution.name());
        Path temporary = directory.resolve(DESCRIPTION + ".tmp");
        try (OutputStream out = new FileOutputStream(temporary.toFile())) {
            out.write(Json.text(toJson(execution)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save execution " + execution.executionArn(), e);
        }
        try {
            Files.move(temporary, directory.resolve(DESCRIPTION), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save execution " + execution.executionArn(), e);
        }
    }

    /** Every execution saved so far, with the name of its state machine. */
    List<Stored> loadAll() {
        List<Stored> executions = new ArrayList<>();
        try (Stream<Path> descriptions = Files.find(root, 3, (path, attributes) ->
                path.getFileName().toString().equals(DESCRIPTION))) {
            for (Path description : descriptions.toList()) {
                String stateMachineName = description.getParent().getParent().getFileName().toString();
                executions.add(new Stored(stateMachineName, fromJson(Json.parse(Files.readString(description)))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the executions under " + root, e);
        }
        return executions;
    }

    record Stored(String stateMachineName, Execution execution) {
    }

    private static ObjectNode toJson(Execution execution) {
        ObjectNode json = Json.object();
        json.put("executionArn", execution.executionArn());
        json.put("stateMachineArn", execution.stateMachineArn());
        json.put("name", execution.name());
        json.put("status", execution.status().name());
        json.put("startDate", execution.startDate().toEpochMilli());
        execution.stopDate().ifPresent(stop -> json.put("stopDate", stop.toEpochMilli()));
        json.put("input", execution.input());
        execution.output().ifPresent(output -> json.put("output", output));
        execution.error().ifPresent(error -> json.put("error", error));
        execution.cause().ifPresent(cause -> json.put("cause", cause));
        return json;
    }

    private static Execution fromJson(JsonNode json) {
        return new Execution(json.get("executionArn").textValue(), json.get("stateMachineArn").textValue(),
                json.get("name").textValue(), ExecutionStatus.valueOf(json.get("status").textValue()),
                Instant.ofEpochMilli(json.get("startDate").longValue()),
                optional(json, "stopDate").map(node -> Instant.ofEpochMilli(node.longValue())),
                json.get("input").textValue(), optional(json, "output").map(JsonNode::textValue),
                optional(json, "error").map(JsonNode::textValue), optional(json, "cause").map(JsonNode::textValue));
    }

    private static Optional<JsonNode> optional(JsonNode json, String field) {
        return Optional.ofNullable(json.get(field));
    }
}
