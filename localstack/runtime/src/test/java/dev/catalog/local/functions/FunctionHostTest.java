package dev.catalog.local.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.template.LocalValues;
import dev.catalog.local.template.SamTemplate;
import dev.catalog.platform.config.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionHostTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;

    private static SamTemplate template;
    private static FunctionHost host;

    @BeforeAll
    static void hostTestFunctions() {
        template = SamTemplate.load(TestDeployment.prepare(directory, "/functions/template.yaml"), LocalValues.none());
        host = new FunctionHost(template, settings());
    }

    @AfterAll
    static void closeHost() {
        host.close();
    }

    @Test
    void invokes_a_request_handler_with_an_http_api_event_and_returns_its_response() throws IOException {
        InvocationResult result = host.invoke("ApiFunction", resource("/functions/http-api-event.json"));

        JsonNode response = JSON.readTree(success(result).payload());
        assertThat(response.path("statusCode").asInt()).isEqualTo(201);
        assertThat(response.path("headers").path("x-tenant").asText()).isEqualTo("acme");
        assertThat(response.path("headers").path("x-product").asText()).isEqualTo("6f1c0c43-3d1a-4a8e-9a7e-2b0f3c1d5e77");
        assertThat(response.path("headers").path("x-route").asText()).isEqualTo("PATCH /products/{id}");
        assertThat(response.path("headers").path("x-function").asText()).isEqualTo("ApiFunction");
        assertThat(response.path("body").asText()).isEqualTo("{\"name\":\"Espresso cup\"}");
        assertThat(response.path("isBase64Encoded").isBoolean()).isTrue();
        assertThat(response.has("multiValueHeaders")).as("nulls are left out, as Lambda's serializer does").isFalse();
    }

    @Test
    void reports_an_exception_of_the_function_as_lambda_does() throws IOException {
        InvocationResult result = host.invoke("FailingFunction", "{}".getBytes(StandardCharsets.UTF_8));

        InvocationResult.FunctionError error = error(result);
        assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
        assertThat(error.errorMessage()).isEqualTo("stock cannot be negative");
        assertThat(error.stackTrace()).first().asString()
                .startsWith("dev.catalog.local.testfunctions.FailingFunction.handleRequest(FailingFunction.java:");
        assertThat(error.stackTrace()).noneMatch(frame -> frame.startsWith("dev.catalog.local.functions."));
        assertThat(JSON.readTree(error.payload()).properties()).extracting(Map.Entry::getKey)
                .containsExactly("errorMessage", "errorType", "stackTrace");
    }

    @Test
    void stops_an_invocation_at_the_function_timeout() {
        InvocationResult result = host.invoke("SlowFunction", "{}".getBytes(StandardCharsets.UTF_8));

        InvocationResult.FunctionError error = error(result);
        assertThat(error.errorType()).isEqualTo("Sandbox.Timedout");
        assertThat(error.errorMessage())
                .isEqualTo("RequestId: " + result.requestId() + " Error: Task timed out after 1.00 seconds");
        // Not before its timeout, and stopped: the function itself would sleep for a minute.
        assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void keeps_static_state_per_function_even_when_functions_share_a_package() {
        assertThat(payload(host.invoke("FirstCounter", "{}".getBytes(StandardCharsets.UTF_8)))).isEqualTo("1");
        assertThat(payload(host.invoke("FirstCounter", "{}".getBytes(StandardCharsets.UTF_8)))).isEqualTo("2");
        assertThat(payload(host.invoke("SecondCounter", "{}".getBytes(StandardCharsets.UTF_8)))).isEqualTo("1");
    }

    @Test
    void unpacks_a_shared_package_once() throws IOException {
        host.invoke("GreetingFunction", "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8));
        host.invoke("IsolationFunction", "{}".getBytes(StandardCharsets.UTF_8));

        try (Stream<Path> unpacked = Files.list(directory.resolve("packages"))) {
            assertThat(unpacked).singleElement().satisfies(root -> {
                assertThat(root.resolve("dev/catalog/local/testfunctions/CountingFunction.class")).isRegularFile();
                assertThat(root.resolve("lib")).isDirectory();
            });
        }
    }

    @Test
    void measures_the_initialisation_of_the_first_invocation_only() {
        try (FunctionHost coldHost = new FunctionHost(template, settings())) {
            InvocationResult cold = coldHost.invoke("SecondCounter", "{}".getBytes(StandardCharsets.UTF_8));
            InvocationResult warm = coldHost.invoke("SecondCounter", "{}".getBytes(StandardCharsets.UTF_8));

            assertThat(cold.initDuration()).hasValueSatisfying(took -> assertThat(took).isPositive());
            assertThat(warm.initDuration()).isEmpty();
        }
    }

    @Test
    void takes_concurrent_invocations() throws Exception {
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<InvocationResult>> invocations = IntStream.range(0, 16)
                    .mapToObj(i -> callers.submit(() -> host.invoke("ConcurrentCounter", "{}".getBytes(StandardCharsets.UTF_8))))
                    .toList();

            List<String> counts = invocations.stream().map(FunctionHostTest::await).map(FunctionHostTest::payload).toList();

            assertThat(counts).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, 16).mapToObj(Integer::toString).toList());
        }
    }

    @Test
    void gives_the_function_its_variables_through_the_platform_environment() {
        assertThat(variable("DB_NAME")).isEqualTo("\"catalog\"");
        assertThat(variable("TENANT_MODE")).isEqualTo("\"strict\"");
        assertThat(variable("AWS_LAMBDA_FUNCTION_NAME")).isEqualTo("\"EnvironmentFunction\"");
        assertThat(variable("AWS_REGION")).isEqualTo("\"us-east-1\"");
        assertThat(variable("AWS_ENDPOINT_URL")).isEqualTo("\"http://127.0.0.1:4566\"");
        assertThat(Environment.variables()).as("the runtime's own copy of Environment is untouched")
                .isSameAs(System.getenv());
    }

    @Test
    void reports_a_missing_variable_as_the_function_reports_it() {
        InvocationResult.FunctionError error = error(host.invoke("EnvironmentFunction",
                "\"OPENSEARCH_ENDPOINT\"".getBytes(StandardCharsets.UTF_8)));

        assertThat(error.errorType()).isEqualTo(Environment.MissingConfigurationException.class.getName());
        assertThat(error.errorMessage()).isEqualTo("environment variable OPENSEARCH_ENDPOINT is required but not set");
    }

    @Test
    void calls_the_handler_method_the_template_names_with_a_pojo_and_the_context() throws IOException {
        InvocationResult result = host.invoke("GreetingFunction", "{\"name\":\"Ada\"}".getBytes(StandardCharsets.UTF_8));

        JsonNode greeting = JSON.readTree(success(result).payload());
        assertThat(greeting.path("name").asText()).isEqualTo("Hello, Ada, from catalog-greeting");
        assertThat(greeting.path("remainingMillis").asInt()).isBetween(1, 5000);
    }

    @Test
    void runs_the_function_in_its_own_class_loader_that_sees_only_the_lambda_interfaces_of_the_runtime()
            throws IOException {
        Map<String, String> probes = Map.of(
                "lambdaContext", "com.amazonaws.services.lambda.runtime.Context",
                "eventsModel", "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
                "runtimeJackson", "com.fasterxml.jackson.databind.ObjectMapper",
                "runtimeClasses", FunctionHost.class.getName(),
                "runtimeSerialization", "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");

        JsonNode seen = JSON.readTree(success(host.invoke("IsolationFunction", JSON.writeValueAsBytes(probes))).payload());

        assertThat(seen.path("contextClassLoader").asText()).isEqualTo("function IsolationFunction");
        assertThat(seen.path("handlerClassLoader").asText()).isEqualTo("function IsolationFunction");
        assertThat(seen.path("lambdaContext").asText()).isEqualTo("true");
        assertThat(seen.path("eventsModel").asText()).as("from the function's own lib/").isEqualTo("true");
        assertThat(seen.path("runtimeJackson").asText()).isEqualTo("false");
        assertThat(seen.path("runtimeClasses").asText()).isEqualTo("false");
        assertThat(seen.path("runtimeSerialization").asText()).isEqualTo("false");
    }

    @Test
    void reports_a_handler_class_missing_from_the_package_as_lambda_does() {
        InvocationResult.FunctionError error = error(host.invoke("MissingClassFunction", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(error.errorType()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(error.errorMessage()).isEqualTo("Class not found: dev.catalog.local.testfunctions.DoesNotExist");
    }

    @Test
    void reports_a_handler_method_that_does_not_exist_as_lambda_does() {
        InvocationResult.FunctionError error = error(host.invoke("MissingMethodFunction", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(error.errorMessage()).isEqualTo("No public method named welcome with appropriate method signature "
                + "found on class dev.catalog.local.testfunctions.GreetingFunction");
    }

    @Test
    void says_to_build_the_package_when_code_uri_does_not_exist() {
        InvocationResult.FunctionError error = error(host.invoke("UnbuiltFunction", "{}".getBytes(StandardCharsets.UTF_8)));

        assertThat(error.errorMessage())
                .contains(directory.resolve("functions/not-built/target/not-built.zip").toString())
                .contains("does not exist")
                .contains("mvn package");
    }

    @Test
    void refuses_a_function_the_template_does_not_have() {
        assertThatThrownBy(() -> host.invoke("DeleteEverythingFunction", new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DeleteEverythingFunction")
                .hasMessageContaining("ApiFunction");
    }

    private static FunctionHostSettings settings() {
        return FunctionHostSettings.local(directory.resolve("packages"))
                .withVariables(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"));
    }

    private static String variable(String name) {
        return payload(host.invoke("EnvironmentFunction", ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8)));
    }

    private static InvocationResult.Success success(InvocationResult result) {
        assertThat(result).isInstanceOf(InvocationResult.Success.class);
        return (InvocationResult.Success) result;
    }

    private static InvocationResult.FunctionError error(InvocationResult result) {
        assertThat(result).isInstanceOf(InvocationResult.FunctionError.class);
        return (InvocationResult.FunctionError) result;
    }

    private static String payload(InvocationResult result) {
        return success(result).payloadText();
    }

    private static InvocationResult await(Future<InvocationResult> invocation) {
        try {
            return invocation.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream resource = FunctionHostTest.class.getResourceAsStream(name)) {
            return resource.readAllBytes();
        }
    }
}
