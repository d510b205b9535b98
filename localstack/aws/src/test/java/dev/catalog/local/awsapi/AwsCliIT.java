package dev.catalog.local.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StateMachineSource;
import dev.catalog.local.stepfunctions.TestFunctions;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint as the AWS CLI sees it ({@code --endpoint-url}, dummy credentials): the SDK test is the protocol proof,
 * this one checks the CLI's own request shapes, with version 1 or 2 of the CLI. In CI ({@code CI} set), where
 * {@code .ci/run} installs the CLI, a missing {@code aws} command fails the test; elsewhere the test is skipped with a
 * warning in the build's output that says how to install it.
 */
class AwsCliIT {

    private static final String MACHINE = "arn:aws:states:us-east-1:000000000000:stateMachine:data-flow";

    @TempDir
    static Path directory;

    private static LocalAwsEndpoint endpoint;

    @BeforeAll
    static void startEndpoint() throws URISyntaxException {
        if (!awsCommandInstalled()) {
            String missing = "no 'aws' command on PATH, so AwsCliIT cannot drive the local AWS endpoint with the AWS CLI"
                    + " (install it: apt-get install awscli)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing + "; .ci/run should have installed it");
            }
            System.err.println("WARNING: " + missing + ". AwsCliIT is SKIPPED.");
            Assumptions.abort(missing);
        }
        Path definition = Path.of(AwsCliIT.class.getResource("/statemachines/data-flow.asl.json").toURI());
        endpoint = LocalAwsEndpoint.start(new LocalAwsEndpoint.Settings("127.0.0.1", 0, "us-east-1", "000000000000",
                directory.resolve("data"), List.of(new StateMachineSource("data-flow", definition, Map.of(),
                        "arn:aws:iam::000000000000:role/test"))), new TestFunctions());
    }

    @AfterAll
    static void stopEndpoint() {
        if (endpoint != null) {
            endpoint.close();
        }
    }

    private static boolean awsCommandInstalled() {
        String path = System.getenv().getOrDefault("PATH", "");
        return List.of(path.split(File.pathSeparator)).stream().anyMatch(dir -> Files.isExecutable(Path.of(dir, "aws")));
    }

    /** Runs {@code aws <args> --endpoint-url ... --output json} and returns its JSON output. */
    private static JsonNode aws(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", endpoint.url().toString(), "--region", "us-east-1", "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDLOCAL");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "local-secret");
        builder.environment().put("AWS_CONFIG_FILE", directory.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", directory.resolve("no-credentials").toString());
        Process process = builder.start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("aws " + String.join(" ", args) + " did not finish within 60 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as("aws %s said: %s", String.join(" ", args), output).isZero();
            return output.isBlank() ? Json.object() : Json.parse(output);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void runs_an_execution_through_the_stepfunctions_commands() throws Exception {
        assertThat(aws("stepfunctions", "list-state-machines").at("/stateMachines/0/stateMachineArn").textValue())
                .isEqualTo(MACHINE);

        String executionArn = aws("stepfunctions", "start-execution", "--state-machine-arn", MACHINE, "--input",
                "{\"order\": {\"id\": \"cli\", \"quantity\": 1}}").get("executionArn").textValue();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !aws("stepfunctions", "describe-execution", "--execution-arn", executionArn).get("status").textValue()
                        .equals("RUNNING"));

        JsonNode execution = aws("stepfunctions", "describe-execution", "--execution-arn", executionArn);
        assertThat(execution.get("status").textValue()).isEqualTo("SUCCEEDED");
        assertThat(Json.parse(execution.get("output").textValue()).get("summary").textValue()).isEqualTo("order cli totals 11");
        assertThat(aws("stepfunctions", "get-execution-history", "--execution-arn", executionArn).get("events"))
                .hasSize(11);
    }

    @Test
    void invokes_a_function_through_the_lambda_command() throws Exception {
        Path answer = directory.resolve("answer.json");

        // fileb:// is raw bytes to both CLI versions (version 2 reads an inline payload as base64).
        Path payload = Files.writeString(directory.resolve("payload.json"), "{\"a\": 1, \"b\": 2}");
        JsonNode result = aws("lambda", "invoke", "--function-name", "add", "--payload", "fileb://" + payload, answer.toString());

        assertThat(result.get("StatusCode").intValue()).isEqualTo(200);
        assertThat(Files.readString(answer)).isEqualTo("3");
        assertThat(aws("lambda", "list-functions").get("Functions")).isNotEmpty();
    }
}
