package dev.catalog.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * AWS's CloudFormation linter, {@code cfn-lint} on the PATH (pip install cfn-lint). It applies the SAM transform
 * itself (aws-sam-translator) and lints the result, so the resources SAM generates (event source mappings,
 * roles, permissions, the HTTP API's stage) are checked against CloudFormation's resource specifications too,
 * with the limits SAM's schema does not know, such as one topic per Kafka event source mapping.
 */
final class CfnLint {

    /** One finding, where cfn-lint puts it: {@code path} is the template path, parts joined by '/'. */
    record Finding(String file, String rule, String level, int line, String path, String message) {

        @Override
        public String toString() {
            return rule + " " + path + " (" + file + ":" + line + "): " + message;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TIMEOUT_MINUTES = 10;

    private CfnLint() {
    }

    static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "");
        return List.of(path.split(File.pathSeparator)).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, "cfn-lint")));
    }

    /** Every error and warning of these templates, in one run (cfn-lint takes tens of seconds to start). */
    static List<Finding> lint(Path workingDirectory, Path... templates) {
        List<String> command = new ArrayList<>(List.of("cfn-lint", "--format", "json"));
        for (Path template : templates) {
            command.add(template.toString());
        }
        try {
            Path output = Files.createTempFile("cfn-lint", ".json");
            Path errors = Files.createTempFile("cfn-lint", ".err");
            try {
                Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
                if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("cfn-lint did not finish within " + TIMEOUT_MINUTES + " minutes");
                }
                // Exit status: a bit per level found (2 error, 4 warning, 8 informational); 1 is a failure of its own.
                if (process.exitValue() == 1 || process.exitValue() > 15) {
                    throw new IllegalStateException("cfn-lint failed (exit " + process.exitValue() + "): "
                            + Files.readString(errors, StandardCharsets.UTF_8));
                }
                return parse(Files.readString(output, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running cfn-lint", e);
        }
    }

    static List<Finding> parse(String json) throws IOException {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode match : JSON.readTree(json)) {
            JsonNode location = match.path("Location");
            String path = StreamSupport.stream(location.path("Path").spliterator(), false)
                    .map(JsonNode::asText).collect(Collectors.joining("/"));
            findings.add(new Finding(Path.of(match.path("Filename").asText()).getFileName().toString(),
                    match.path("Rule").path("Id").asText(), match.path("Level").asText(),
                    location.path("Start").path("LineNumber").asInt(), path, match.path("Message").asText()));
        }
        return findings;
    }
}
