package dev.catalog.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The event compared field by field with API Gateway's payload format 2.0 sample (aws-lambda-java-libs'
 * apigw_http_event.json and the developer guide), made from the request that sample describes.
 */
class ProxyEventTest {

    private static final Instant TIME = Instant.parse("2020-03-12T19:03:58Z");
    private static final Route MY_PATH = new Route("POST /my/{part}", "POST",
            Optional.of(PathTemplate.parse("/my/{part}")), "MyFunction", new RouteAuthorization.None());
    private static final JwtAuthorizer.Authorized SAMPLE_TOKEN = new JwtAuthorizer.Authorized(
            new LinkedHashMap<>(Map.of("claim1", "value1", "claim2", "value2")), Optional.of(List.of("scope1", "scope2")));

    @Test
    void matches_api_gateways_sample_event_field_by_field() throws IOException {
        HttpApiRequest request = request("/my/path", "parameter1=value1&parameter1=value2&parameter2=value",
                Map.of("Header1", List.of("value1"),
                        "Header2", List.of("value1", "value2"),
                        "Cookie", List.of("cookie1; cookie2"),
                        "User-Agent", List.of("agent"),
                        "Content-Type", List.of("text/plain"),
                        "Content-Length", List.of("19"),
                        "Host", List.of("127.0.0.1:3000")),
                "Hello from Lambda!!".getBytes(StandardCharsets.UTF_8));

        JsonNode event = json(ProxyEvent.of(request, new RouteMatch(MY_PATH, Map.of("part", "path")),
                Optional.of(SAMPLE_TOKEN), "catalogapi", "000000000000"));

        assertThat(((ObjectNode) event.get("headers")).remove("x-amzn-trace-id").asText())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24}");
        JsonNode expected = GatewayJson.MAPPER.readTree(resource("/gateway/expected-http-api-event.json"));
        assertThat(event).isEqualTo(expected);
        assertThat(event.properties()).extracting(Map.Entry::getKey).as("fields in API Gateway's order")
                .containsExactlyElementsOf(expected.properties().stream().map(Map.Entry::getKey).toList());
    }

    @Test
    void leaves_out_what_the_request_does_not_have() throws IOException {
        Route health = new Route("GET /health", "GET", Optional.of(PathTemplate.parse("/health")), "HealthFunction",
                new RouteAuthorization.None());

        JsonNode event = json(ProxyEvent.of(request("/health", "", Map.of("Host", List.of("localhost:3000")), new byte[0]),
                new RouteMatch(health, Map.of()), Optional.empty(), "catalogapi", "000000000000"));

        assertThat(event.has("cookies")).isFalse();
        assertThat(event.has("queryStringParameters")).isFalse();
        assertThat(event.has("pathParameters")).isFalse();
        assertThat(event.has("body")).isFalse();
        assertThat(event.has("stageVariables")).isFalse();
        assertThat(event.path("requestContext").has("authorizer")).isFalse();
        assertThat(event.path("rawQueryString").asText()).isEmpty();
        assertThat(event.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(event.path("requestContext").path("domainName").asText()).isEqualTo("localhost");
        assertThat(event.path("requestContext").path("domainPrefix").asText()).isEqualTo("localhost");
    }

    @Test
    void passes_text_bodies_as_text_and_every_other_body_base64_encoded() throws IOException {
        byte[] body = "{\"sku\":\"CUP-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(bodyOf("application/json; charset=utf-8", body)).isEqualTo(List.of("{\"sku\":\"CUP-1\"}", "false"));
        assertThat(bodyOf("text/csv", body)).isEqualTo(List.of("{\"sku\":\"CUP-1\"}", "false"));
        String base64 = Base64.getEncoder().encodeToString(body);
        assertThat(bodyOf("application/octet-stream", body)).isEqualTo(List.of(base64, "true"));
        assertThat(bodyOf("application/x-www-form-urlencoded", body)).isEqualTo(List.of(base64, "true"));
        assertThat(bodyOf(null, body)).isEqualTo(List.of(base64, "true"));
    }

    @Test
    void passes_a_text_body_that_is_not_utf_8_base64_encoded_rather_than_with_replacement_characters() throws IOException {
        byte[] latin1 = "{\"name\":\"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(bodyOf("application/json", latin1))
                .isEqualTo(List.of(Base64.getEncoder().encodeToString(latin1), "true"));
    }

    @Test
    void decodes_the_raw_path_except_for_escaped_percent_signs() throws IOException {
        JsonNode event = json(ProxyEvent.of(request("/my/caf%C3%A9%252E", "", Map.of(), new byte[0]),
                new RouteMatch(MY_PATH, Map.of("part", "café%2E")), Optional.empty(), "catalogapi", "000000000000"));

        assertThat(event.path("rawPath").asText()).isEqualTo("/my/café%252E");
        assertThat(event.path("requestContext").path("http").path("path").asText()).isEqualTo("/my/café%252E");
    }

    @Test
    void gives_null_scopes_for_a_token_without_scopes() throws IOException {
        JwtAuthorizer.Authorized withoutScopes = new JwtAuthorizer.Authorized(Map.of("tenant_id", "acme"), Optional.empty());

        JsonNode jwt = json(ProxyEvent.of(request("/my/path", "", Map.of(), new byte[0]),
                new RouteMatch(MY_PATH, Map.of("part", "path")), Optional.of(withoutScopes), "catalogapi", "000000000000"))
                .path("requestContext").path("authorizer").path("jwt");

        assertThat(jwt.has("scopes")).isTrue();
        assertThat(jwt.get("scopes").isNull()).isTrue();
    }

    @Test
    void is_read_by_the_lambda_java_runtime_into_the_events_model() {
        HttpApiRequest request = request("/my/path", "a=1", Map.of("Cookie", List.of("session=abc"),
                "Content-Type", List.of("image/png")), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        byte[] json = ProxyEvent.of(request, new RouteMatch(MY_PATH, Map.of("part", "path")), Optional.of(SAMPLE_TOKEN),
                "catalogapi", "000000000000").toJson();

        APIGatewayV2HTTPEvent event = JacksonFactory.getInstance()
                .getSerializer(APIGatewayV2HTTPEvent.class).fromJson(new String(json, StandardCharsets.UTF_8));

        assertThat(event.getRouteKey()).isEqualTo("POST /my/{part}");
        assertThat(event.getCookies()).containsExactly("session=abc");
        assertThat(event.getQueryStringParameters()).containsEntry("a", "1");
        assertThat(event.getPathParameters()).containsEntry("part", "path");
        assertThat(event.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(event.getBody())).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getClaims()).containsEntry("claim1", "value1");
        assertThat(event.getRequestContext().getAuthorizer().getJwt().getScopes()).containsExactly("scope1", "scope2");
        assertThat(event.getRequestContext().getHttp().getSourceIp()).isEqualTo("192.0.2.10");
        assertThat(event.getRequestContext().getTimeEpoch()).isEqualTo(TIME.toEpochMilli());
    }

    private List<String> bodyOf(String contentType, byte[] body) throws IOException {
        Map<String, List<String>> headers = contentType == null ? Map.of() : Map.of("Content-Type", List.of(contentType));
        JsonNode event = json(ProxyEvent.of(request("/my/path", "", headers, body),
                new RouteMatch(MY_PATH, Map.of("part", "path")), Optional.empty(), "catalogapi", "000000000000"));
        return List.of(event.path("body").asText(), event.path("isBase64Encoded").asText());
    }

    private static HttpApiRequest request(String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        return new HttpApiRequest("Mc7UVioPPHcEKPA=", TIME, "POST", rawPath, rawQuery, new LinkedHashMap<>(headers), body,
                "192.0.2.10", "HTTP/1.1", headers.getOrDefault("Host", List.of("127.0.0.1:3000")).getFirst(), 3000);
    }

    private static JsonNode json(ProxyEvent event) throws IOException {
        return GatewayJson.MAPPER.readTree(event.toJson());
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream resource = ProxyEventTest.class.getResourceAsStream(name)) {
            return resource.readAllBytes();
        }
    }
}
