package dev.catalog.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.setup.cloudformation.CloudFormationResponder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The custom resource protocol, answered to a local HTTP server standing where S3's pre-signed URL would be. */
class SetupFunctionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> PROPERTIES = Map.of(
            "ServiceToken", "arn:aws:lambda:eu-west-1:000000000000:function:setup:live",
            "KafkaClusterArn", "arn:aws:kafka:eu-west-1:000000000000:cluster/catalog/1",
            "CommandDatabaseSecretArn", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:command",
            "QueryDatabaseSecretArn", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:query",
            "ProjectionDatabaseSecretArn", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:projection",
            "RebuildDatabaseSecretArn", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:rebuild",
            "DebeziumDatabaseSecretArn", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:debezium",
            "DebeziumKafkaUser", "debezium");

    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final AtomicInteger runs = new AtomicInteger();
    private HttpServer cloudFormation;

    private record Answer(String method, String contentType, JsonNode body) {
    }

    @BeforeEach
    void startResponseEndpoint() throws IOException {
        cloudFormation = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        cloudFormation.createContext("/", exchange -> {
            answers.add(new Answer(exchange.getRequestMethod(), exchange.getRequestHeaders().getFirst("Content-Type"),
                    JSON.readTree(exchange.getRequestBody())));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        cloudFormation.start();
    }

    @AfterEach
    void stopResponseEndpoint() {
        cloudFormation.stop(0);
    }

    @Test
    void answers_a_create_with_success_and_the_attributes_the_template_reads() {
        SetupFunction function = function(request -> {
            runs.incrementAndGet();
            assertThat(request.roleSecretArns()).containsEntry(DatabaseRole.DEBEZIUM,
                    "arn:aws:secretsmanager:eu-west-1:000000000000:secret:debezium");
            return Map.of("KafkaBootstrapServersIam", "b-1:9098", "KafkaBootstrapServersScram", "b-1:9096");
        });

        function.handleRequest(event("Create", null, PROPERTIES), new FixedTimeContext(300_000));

        assertThat(runs).hasValue(1);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.method()).isEqualTo("PUT");
            assertThat(answer.contentType()).isNull();
            assertThat(answer.body().get("Status").asText()).isEqualTo("SUCCESS");
            assertThat(answer.body().get("PhysicalResourceId").asText()).isEqualTo("catalog-setup");
            assertThat(answer.body().get("StackId").asText()).isEqualTo("arn:aws:cloudformation:eu-west-1:000000000000:stack/catalog-dev/1");
            assertThat(answer.body().get("RequestId").asText()).isEqualTo("request-1");
            assertThat(answer.body().get("LogicalResourceId").asText()).isEqualTo("CatalogSetup");
            assertThat(answer.body().get("Data").get("KafkaBootstrapServersScram").asText()).isEqualTo("b-1:9096");
        });
    }

    @Test
    void runs_again_on_update_and_keeps_its_physical_id() {
        SetupFunction function = function(request -> {
            runs.incrementAndGet();
            return Map.of();
        });

        function.handleRequest(event("Update", "catalog-setup", PROPERTIES), new FixedTimeContext(300_000));

        assertThat(runs).hasValue(1);
        assertThat(answers.getFirst().body().get("PhysicalResourceId").asText()).isEqualTo("catalog-setup");
    }

    @Test
    void answers_a_failure_with_its_reason_instead_of_letting_the_stack_wait() {
        SetupFunction function = function(request -> {
            throw new IllegalStateException("cannot prepare the database", new RuntimeException("connection refused"));
        });

        function.handleRequest(event("Create", null, PROPERTIES), new FixedTimeContext(300_000));

        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.body().get("Status").asText()).isEqualTo("FAILED");
            assertThat(answer.body().get("Reason").asText())
                    .isEqualTo("cannot prepare the database: connection refused (see the function's log)");
            assertThat(answer.body().get("PhysicalResourceId").asText()).isEqualTo("catalog-setup");
        });
    }

    @Test
    void names_a_missing_property_of_the_resource() {
        Map<String, Object> incomplete = Map.of("ServiceToken", "arn:aws:lambda:eu-west-1:000000000000:function:setup",
                "KafkaClusterArn", "arn:aws:kafka:eu-west-1:000000000000:cluster/catalog/1");

        function(request -> Map.of()).handleRequest(event("Create", null, incomplete), new FixedTimeContext(300_000));

        assertThat(answers.getFirst().body().get("Status").asText()).isEqualTo("FAILED");
        assertThat(answers.getFirst().body().get("Reason").asText())
                .startsWith("the setup resource needs the property CommandDatabaseSecretArn");
    }

    @Test
    void answers_a_failure_before_its_own_timeout_when_the_work_takes_too_long() {
        SetupFunction function = function(request -> {
            try {
                Thread.sleep(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        });
        long started = System.nanoTime();

        // 21 s left, 20 s of them kept for answering: the work gets one second.
        function.handleRequest(event("Create", null, PROPERTIES),
                new FixedTimeContext((int) SetupFunction.ANSWER_MARGIN.plusSeconds(1).toMillis()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(answers.getFirst().body().get("Status").asText()).isEqualTo("FAILED");
        assertThat(answers.getFirst().body().get("Reason").asText()).contains("did not finish within 1 s");
    }

    @Test
    void keeps_everything_on_delete() {
        function(request -> {
            runs.incrementAndGet();
            return Map.of();
        }).handleRequest(event("Delete", "catalog-setup", PROPERTIES), new FixedTimeContext(300_000));

        assertThat(runs).hasValue(0);
        assertThat(answers.getFirst().body().get("Status").asText()).isEqualTo("SUCCESS");
        assertThat(answers.getFirst().body().get("PhysicalResourceId").asText()).isEqualTo("catalog-setup");
    }

    @Test
    void keeps_a_long_reason_within_what_cloudformation_accepts() {
        function(request -> {
            throw new IllegalStateException("x".repeat(10_000));
        }).handleRequest(event("Create", null, PROPERTIES), new FixedTimeContext(300_000));

        assertThat(answers.getFirst().body().toString().getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(4096);
    }

    @Test
    void reads_the_event_as_the_lambda_runtime_delivers_it() {
        String json = """
                {"RequestType":"Create","ServiceToken":"arn:aws:lambda:eu-west-1:000000000000:function:setup",
                 "ResponseURL":"%s","StackId":"arn:aws:cloudformation:eu-west-1:000000000000:stack/catalog-dev/1",
                 "RequestId":"request-1","LogicalResourceId":"CatalogSetup","ResourceType":"Custom::CatalogSetup",
                 "ResourceProperties":{"ServiceToken":"arn:aws:lambda:eu-west-1:000000000000:function:setup",
                   "KafkaClusterArn":"arn:aws:kafka:eu-west-1:000000000000:cluster/catalog/1",
                   "DebeziumDatabaseSecretArn":"arn:aws:secretsmanager:eu-west-1:000000000000:secret:debezium",
                   "CodeVersion":"7",
                   "CommandDatabaseSecretArn":"arn:aws:secretsmanager:eu-west-1:000000000000:secret:command",
                   "QueryDatabaseSecretArn":"arn:aws:secretsmanager:eu-west-1:000000000000:secret:query",
                   "ProjectionDatabaseSecretArn":"arn:aws:secretsmanager:eu-west-1:000000000000:secret:projection",
                   "RebuildDatabaseSecretArn":"arn:aws:secretsmanager:eu-west-1:000000000000:secret:rebuild",
                   "DebeziumKafkaUser":"debezium"}}""".formatted(responseUrl());
        CloudFormationCustomResourceEvent event = LambdaEventSerializers
                .serializerFor(CloudFormationCustomResourceEvent.class, getClass().getClassLoader())
                .fromJson(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        function(request -> {
            runs.incrementAndGet();
            return Map.of();
        }).handleRequest(event, new FixedTimeContext(300_000));

        assertThat(runs).hasValue(1);
        assertThat(answers.getFirst().body().get("Status").asText()).isEqualTo("SUCCESS");
    }

    private SetupFunction function(Setup setup) {
        return new SetupFunction(setup, new CloudFormationResponder(Duration.ofMillis(10)));
    }

    private CloudFormationCustomResourceEvent event(String type, String physicalId, Map<String, Object> properties) {
        return CloudFormationCustomResourceEvent.builder()
                .withRequestType(type)
                .withServiceToken((String) properties.get("ServiceToken"))
                .withResponseUrl(responseUrl())
                .withStackId("arn:aws:cloudformation:eu-west-1:000000000000:stack/catalog-dev/1")
                .withRequestId("request-1")
                .withLogicalResourceId("CatalogSetup")
                .withPhysicalResourceId(physicalId)
                .withResourceType("Custom::CatalogSetup")
                .withResourceProperties(properties)
                .build();
    }

    private String responseUrl() {
        return "http://127.0.0.1:" + cloudFormation.getAddress().getPort() + "/cloudformation-response?X-Amz-Signature=abc";
    }
}
