package dev.catalog.local.awsapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StateMachineSource;
import dev.catalog.local.stepfunctions.TestFunctions;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidArnException;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;

/** The endpoint as the AWS SDK for Java v2 sees it: real clients, dummy credentials, plain HTTP to 127.0.0.1. */
class AwsEndpointIT {

    private static final String ACCOUNT = "000000000000";
    private static final String ROLE = "arn:aws:iam::000000000000:role/catalog-rebuild";

    @TempDir
    static Path dataDirectory;

    private static LocalAwsEndpoint endpoint;
    private static SfnClient sfn;
    private static LambdaClient lambda;

    @BeforeAll
    static void startEndpoint() {
        endpoint = LocalAwsEndpoint.start(new LocalAwsEndpoint.Settings("127.0.0.1", 0, "us-east-1", ACCOUNT,
                dataDirectory, List.of(machine("data-flow"), machine("long-wait"), machine("catch-function-error"))),
                new TestFunctions());
        StaticCredentialsProvider anyCredentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create("AKIDLOCAL", "local-secret"));
        sfn = SfnClient.builder().endpointOverride(endpoint.url()).region(Region.US_EAST_1)
                .credentialsProvider(anyCredentials).httpClient(UrlConnectionHttpClient.create()).build();
        lambda = LambdaClient.builder().endpointOverride(endpoint.url()).region(Region.US_EAST_1)
                .credentialsProvider(anyCredentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stopEndpoint() {
        sfn.close();
        lambda.close();
        endpoint.close();
    }

    private static StateMachineSource machine(String name) {
        try {
            Path file = Path.of(AwsEndpointIT.class.getResource("/statemachines/" + name + ".asl.json").toURI());
            return new StateMachineSource(name, file, Map.of(), ROLE);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String arn(String name) {
        return "arn:aws:states:us-east-1:" + ACCOUNT + ":stateMachine:" + name;
    }

    @Test
    void lists_and_describes_the_registered_state_machines() {
        assertThat(sfn.listStateMachines(r -> r.maxResults(2)).stateMachines())
                .extracting(m -> m.name()).containsExactly("catch-function-error", "data-flow");

        var described = sfn.describeStateMachine(r -> r.stateMachineArn(arn("data-flow")));

        assertThat(described.roleArn()).isEqualTo(ROLE);
        assertThat(described.typeAsString()).isEqualTo("STANDARD");
        assertThat(Json.parse(described.definition()).get("StartAt").textValue()).isEqualTo("Add");
    }

    @Test
    void runs_an_execution_to_success_and_pages_through_its_history() {
        StartExecutionResponse started = sfn.startExecution(r -> r.stateMachineArn(arn("data-flow"))
                .name("order-o-1").input("{\"order\": {\"id\": \"o-1\", \"quantity\": 5}}"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                sfn.describeExecution(r -> r.executionArn(started.executionArn())).status() != ExecutionStatus.RUNNING);
        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(started.executionArn()));

        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(execution.name()).isEqualTo("order-o-1");
        assertThat(execution.stopDate()).isAfterOrEqualTo(execution.startDate());
        assertThat(Json.parse(execution.output()).get("summary").textValue()).isEqualTo("order o-1 totals 15");

        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetExecutionHistoryResponse response = sfn.getExecutionHistory(r -> r.executionArn(started.executionArn())
                    .maxResults(4).nextToken(page));
            events.addAll(response.events());
            token = response.nextToken();
        } while (token != null);
        assertThat(events).extracting(HistoryEvent::type).containsExactly(HistoryEventType.EXECUTION_STARTED,
                HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED, HistoryEventType.TASK_STARTED,
                HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED, HistoryEventType.PASS_STATE_ENTERED,
                HistoryEventType.PASS_STATE_EXITED, HistoryEventType.PASS_STATE_ENTERED,
                HistoryEventType.PASS_STATE_EXITED, HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events.get(2).taskScheduledEventDetails().resourceType()).isEqualTo("lambda");
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("Add");
        assertThat(events.getLast().executionSucceededEventDetails().output()).isEqualTo(execution.output());
        assertThat(events.getLast().timestamp()).isAfterOrEqualTo(events.getFirst().timestamp());

        GetExecutionHistoryResponse newestFirst = sfn.getExecutionHistory(r -> r.executionArn(started.executionArn())
                .reverseOrder(true).maxResults(1).includeExecutionData(false));
        assertThat(newestFirst.events().getFirst().type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(newestFirst.events().getFirst().executionSucceededEventDetails().output()).isNull();
    }

    @Test
    void stops_a_long_execution_which_then_reads_aborted() {
        StartExecutionResponse started = sfn.startExecution(r -> r.stateMachineArn(arn("long-wait")).input("{}"));

        var stopped = sfn.stopExecution(r -> r.executionArn(started.executionArn()).error("Manual").cause("not needed"));

        DescribeExecutionResponse execution = sfn.describeExecution(r -> r.executionArn(started.executionArn()));
        assertThat(execution.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(execution.error()).isEqualTo("Manual");
        assertThat(execution.cause()).isEqualTo("not needed");
        assertThat(execution.stopDate()).isEqualTo(stopped.stopDate());
        assertThat(sfn.listExecutions(r -> r.stateMachineArn(arn("long-wait")).statusFilter(ExecutionStatus.ABORTED))
                .executions()).extracting(e -> e.executionArn()).contains(started.executionArn());
        List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(started.executionArn())).events();
        assertThat(events.getLast().type()).isEqualTo(HistoryEventType.EXECUTION_ABORTED);
    }

    @Test
    void reports_a_java_handler_exception_caught_by_class_name_in_the_execution_output() {
        StartExecutionResponse started = sfn.startExecution(r -> r.stateMachineArn(arn("catch-function-error"))
                .input("{\"orderId\": \"o-7\"}"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                sfn.describeExecution(r -> r.executionArn(started.executionArn())).status() == ExecutionStatus.SUCCEEDED);

        JsonNode output = Json.parse(sfn.describeExecution(r -> r.executionArn(started.executionArn())).output());
        assertThat(output.at("/rejection/Error").textValue())
                .isEqualTo("dev.catalog.local.stepfunctions.TestFunctions$OrderRejected");
    }

    @Test
    void answers_aws_errors_for_unknown_and_malformed_arns_and_reused_names() {
        assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn("nope"))))
                .isInstanceOf(StateMachineDoesNotExistException.class).hasMessageContaining(arn("nope"));
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(
                "arn:aws:states:us-east-1:" + ACCOUNT + ":execution:data-flow:never-started")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn("not-an-arn")))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn("nope"))))
                .isInstanceOf(StateMachineDoesNotExistException.class);

        sfn.startExecution(r -> r.stateMachineArn(arn("long-wait")).name("once").input("{\"a\": 1}"));
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(arn("long-wait")).name("once").input("{\"a\": 2}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
    }

    @Test
    void refuses_a_definition_it_cannot_run_when_the_state_machine_is_created() {
        String sqs = """
                {"StartAt": "Send", "States": {"Send": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                 "Parameters": {"QueueUrl": "q", "MessageBody": "m"}, "End": true}}}""";

        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("sender").definition(sqs).roleArn(ROLE)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("the service integration 'sqs:sendMessage' is not supported")
                .hasMessageContaining("at /States/Send/Resource");
    }

    @Test
    void answers_unknown_operations_with_an_error_never_with_success() {
        assertThatThrownBy(() -> sfn.listActivities())
                .isInstanceOfSatisfying(SfnException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                });
        assertThatThrownBy(() -> lambda.getFunction(r -> r.functionName("echo")))
                .isInstanceOfSatisfying(LambdaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
                });
    }

    @Test
    void lists_the_hosted_functions() {
        List<FunctionConfiguration> functions = lambda.listFunctions().functions();

        assertThat(functions).extracting(FunctionConfiguration::functionName).contains("add", "echo", "reject");
        FunctionConfiguration echo = functions.stream().filter(f -> f.functionName().equals("echo")).findFirst().orElseThrow();
        assertThat(echo.functionArn()).isEqualTo("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:echo");
        assertThat(echo.runtimeAsString()).isEqualTo("java21");
        assertThat(echo.handler()).isEqualTo("dev.catalog.test.echo::handleRequest");
        assertThat(lambda.listFunctions(r -> r.maxItems(2)).nextMarker()).isNotNull();
    }

    @Test
    void invokes_a_function_by_name_or_by_arn_with_a_qualifier() {
        InvokeResponse byName = lambda.invoke(r -> r.functionName("add").payload(SdkBytes.fromUtf8String("{\"a\": 2, \"b\": 40}")));
        InvokeResponse byArn = lambda.invoke(r -> r.functionName("arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:echo")
                .qualifier("live").payload(SdkBytes.fromUtf8String("{\"hello\": \"world\"}")));

        assertThat(byName.statusCode()).isEqualTo(200);
        assertThat(byName.functionError()).isNull();
        assertThat(byName.payload().asUtf8String()).isEqualTo("42");
        assertThat(byArn.executedVersion()).isEqualTo("live");
        assertThat(Json.parse(byArn.payload().asUtf8String())).isEqualTo(Json.parse("{\"hello\": \"world\"}"));
    }

    @Test
    void reports_a_function_error_in_the_payload_with_the_function_error_header() {
        InvokeResponse response = lambda.invoke(r -> r.functionName("reject")
                .payload(SdkBytes.fromString("{\"orderId\": \"o-5\"}", StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = Json.parse(response.payload().asUtf8String());
        assertThat(error.get("errorType").textValue()).isEqualTo("dev.catalog.local.stepfunctions.TestFunctions$OrderRejected");
        assertThat(error.get("errorMessage").textValue()).isEqualTo("order o-5 is rejected");
        assertThat(error.get("stackTrace")).isNotEmpty();
    }

    @Test
    void answers_resource_not_found_for_a_function_it_does_not_host() {
        assertThatThrownBy(() -> lambda.invoke(r -> r.functionName("missing").payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("Function not found: arn:aws:lambda:us-east-1:" + ACCOUNT
                            + ":function:missing");
                });
    }
}
