package dev.catalog.systemtest.gateway;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The local HTTP API, as a client sees it: routes from template.yaml, the JWT authorizer, tenant isolation. */
class LocalGatewayIT {

    private final CatalogStack stack = CatalogStack.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_request_without_a_token_is_unauthorized() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.apiUrl().resolve("/products"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(product(uniqueSku()))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void a_token_signed_by_someone_else_is_unauthorized() throws Exception {
        String forged = stack.token("acme").replaceAll("\\.[^.]+$", ".c2lnbmVkIGJ5IG5vYm9keQ");

        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.apiUrl().resolve("/products"))
                .header("Authorization", "Bearer " + forged).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(product(uniqueSku()))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_tenant_cannot_change_another_tenants_product() {
        String tenantA = Tenants.fresh("tenant-a");
        String tenantB = Tenants.fresh("tenant-b");
        ApiAnswer created = stack.overHttp(ApiCall.to("POST /products").tenant(tenantA).json(product(uniqueSku())));

        ApiAnswer byB = stack.overHttp(ApiCall.to("PATCH /products/{id}").with("id", created.id()).tenant(tenantB)
                .ifMatch(1).json("{\"name\": \"Taken over\"}"));
        ApiAnswer byA = stack.overHttp(ApiCall.to("PATCH /products/{id}").with("id", created.id()).tenant(tenantA)
                .ifMatch(1).json("{\"name\": \"Renamed by owner\"}"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(byB.status()).isEqualTo(404);
        assertThat(byB.code()).isEqualTo("not_found");
        assertThat(byA.status()).isEqualTo(200);
    }

    @Test
    void an_unknown_route_answers_like_api_gateway() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.apiUrl().resolve("/nowhere"))
                .header("Authorization", "Bearer " + stack.token("acme")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"message\":\"Not Found\"}");
    }

    @Test
    void a_query_with_broken_percent_encoding_reaches_the_function_which_answers_a_problem_naming_the_parameter()
            throws IOException {
        // Sent over a socket: Java's own HTTP client refuses to build this URI, as the JDK's HTTP server refused it.
        String answer = rawHttp("GET /products/search?q=%zz&pageSize=5 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + stack.token(Tenants.fresh("encoding")) + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(new ObjectMapper().readTree(body).path("errors").findValuesAsText("field")).containsExactly("q");
    }

    private String rawHttp(String request) throws IOException {
        try (Socket socket = new Socket(stack.apiUrl().getHost(), stack.apiUrl().getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_gateway_routes_every_command_of_the_template() {
        String tenant = Tenants.fresh("routes");
        String category = stack.overHttp(ApiCall.to("POST /categories").tenant(tenant).json("{\"name\": \"Shoes\"}")).id();
        String id = stack.overHttp(ApiCall.to("POST /products").tenant(tenant).json(product(uniqueSku()))).id();

        assertThat(stack.overHttp(ApiCall.to("PATCH /categories/{id}").with("id", category).tenant(tenant).ifMatch(1)
                .json("{\"name\": \"Footwear\"}")).status()).isEqualTo(200);
        assertThat(stack.overHttp(ApiCall.to("PATCH /products/{id}").with("id", id).tenant(tenant).ifMatch(1)
                .json("{\"categoryId\": \"" + category + "\"}")).status()).isEqualTo(200);
        assertThat(stack.overHttp(ApiCall.to("PUT /products/{id}/price").with("id", id).tenant(tenant).ifMatch(2)
                .json("{\"amount\": \"9.99\", \"currency\": \"USD\"}")).status()).isEqualTo(200);
        assertThat(stack.overHttp(ApiCall.to("POST /products/{id}/activate").with("id", id).tenant(tenant).ifMatch(3)).status()).isEqualTo(200);
        assertThat(stack.overHttp(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id).with("warehouse", "BER-1")
                .tenant(tenant).json("{\"quantity\": 4}")).status()).isEqualTo(200);
        assertThat(stack.overHttp(ApiCall.to("POST /products/{id}/discontinue").with("id", id).tenant(tenant).ifMatch(4)).status()).isEqualTo(200);
        assertThat(stack.overHttp(ApiCall.to("DELETE /products/{id}").with("id", id).tenant(tenant).ifMatch(5)).status()).isEqualTo(204);
    }

    @Test
    void the_api_url_is_loopback_only() {
        URI url = stack.apiUrl();
        assertThat(url.getHost()).isEqualTo("127.0.0.1");
    }
}
