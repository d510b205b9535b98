package dev.catalog.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.auth.LocalSigningKey;
import dev.catalog.local.auth.LocalTokenIssuer;
import dev.catalog.local.functions.FunctionHost;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.functions.TestDeployment;
import dev.catalog.local.template.LocalValues;
import dev.catalog.local.template.SamTemplate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local HTTP API over real HTTP, in front of real functions from a real deployment package. */
class LocalHttpApiTest {

    private static final String PRODUCT = "6f1c0c43-3d1a-4a8e-9a7e-2b0f3c1d5e77";

    @TempDir
    static Path directory;

    private static FunctionHost functions;
    private static LocalHttpApi api;
    private static LocalTokenIssuer tokens;
    private static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void serveTheApi() throws IOException {
        SamTemplate template = SamTemplate.load(TestDeployment.prepare(directory, "/gateway/template.yaml"),
                new LocalValues(Map.of("JwtIssuer", LocalTokenIssuer.ISSUER), Map.of()));
        LocalSigningKey key = LocalSigningKey.loadOrCreate(directory.resolve("auth"));
        tokens = new LocalTokenIssuer(key, Clock.systemUTC());
        functions = new FunctionHost(template, FunctionHostSettings.local(directory.resolve("packages")));
        api = LocalHttpApi.start(RouteTable.of(template), functions, LocalHttpApiSettings.local(0, key.publicKeys()));
    }

    @AfterAll
    static void stop() {
        api.close();
        functions.close();
    }

    @Test
    void turns_away_a_request_without_a_token() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(response.headers().firstValue("www-authenticate")).contains("Bearer");
        assertThat(response.headers().firstValue("apigw-requestid")).isPresent();
    }

    @Test
    void turns_away_a_token_the_local_key_did_not_sign() throws Exception {
        String foreign = new LocalTokenIssuer(LocalSigningKey.loadOrCreate(directory.resolve("foreign")), Clock.systemUTC())
                .issue("acme");

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Authorization", "Bearer " + foreign));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(
                header -> assertThat(header).contains("error=\"invalid_token\""));
    }

    @Test
    void hands_the_function_the_tenant_of_a_valid_token() throws Exception {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/products?dryRun=true"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"CUP-1\"}"))
                .header("Content-Type", "application/json")));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode event = GatewayJson.MAPPER.readTree(response.body());
        assertThat(event.path("routeKey").asText()).isEqualTo("POST /products");
        assertThat(event.path("requestContext").path("authorizer").path("jwt").path("claims").path("tenant_id").asText())
                .isEqualTo("acme");
        assertThat(event.path("body").asText()).isEqualTo("{\"sku\":\"CUP-1\"}");
        assertThat(event.path("queryStringParameters").path("dryRun").asText()).isEqualTo("true");
        assertThat(event.path("requestContext").path("requestId").asText())
                .isEqualTo(response.headers().firstValue("apigw-requestid").orElseThrow());
    }

    @Test
    void passes_path_parameters() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/products/" + PRODUCT + "/stock/berlin-1"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":3}"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.issue("acme", List.of("catalog/stock"))));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode pathParameters = GatewayJson.MAPPER.readTree(response.body()).path("pathParameters");
        assertThat(pathParameters.path("id").asText()).isEqualTo(PRODUCT);
        assertThat(pathParameters.path("warehouse").asText()).isEqualTo("berlin-1");
    }

    @Test
    void forbids_a_route_whose_scope_the_token_lacks() throws Exception {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/products/" + PRODUCT + "/stock/berlin-1"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":3}"))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    }

    @Test
    void returns_what_a_typed_handler_answers() throws Exception {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/products/" + PRODUCT))
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"name\":\"Espresso cup\"}"))
                .header("Content-Type", "application/json")));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-tenant")).contains("acme");
        assertThat(response.headers().firstValue("x-product")).contains(PRODUCT);
        assertThat(response.headers().firstValue("x-route")).contains("PATCH /products/{id}");
        assertThat(response.body()).isEqualTo("{\"name\":\"Espresso cup\"}");
    }

    @Test
    void serves_a_route_without_authorizer_to_anyone() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/health")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(GatewayJson.MAPPER.readTree(response.body()).path("requestContext").has("authorizer")).isFalse();
    }

    @Test
    void answers_not_found_for_a_route_the_api_does_not_have() throws Exception {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/orders")).GET()));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
    }

    @Test
    void answers_internal_server_error_when_the_function_fails() throws Exception {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/products/" + PRODUCT)).DELETE()));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo("{\"message\":\"Internal Server Error\"}");
    }

    @Test
    void refuses_a_body_larger_than_api_gateway_accepts() throws Exception {
        byte[] tooLarge = new byte[HttpApiHandler.MAX_BODY_BYTES + 1];

        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(uri("/products"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(tooLarge))));

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + tokens.issue("acme"));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String pathAndQuery) {
        return api.endpoint().resolve(pathAndQuery);
    }
}
