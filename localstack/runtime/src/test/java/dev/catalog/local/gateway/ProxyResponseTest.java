package dev.catalog.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProxyResponseTest {

    @Test
    void sends_status_headers_and_body_of_a_response() {
        GatewayResponse response = read("""
                {"statusCode": 201, "headers": {"Location": "/products/p1", "ETag": "\\"1\\""},
                 "body": "{\\"id\\":\\"p1\\",\\"version\\":1}", "isBase64Encoded": false}""");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers()).containsExactly(
                new GatewayResponse.Header("Location", "/products/p1"),
                new GatewayResponse.Header("ETag", "\"1\""));
        assertThat(text(response)).isEqualTo("{\"id\":\"p1\",\"version\":1}");
    }

    @Test
    void sends_each_cookie_and_each_value_of_a_multi_value_header_as_its_own_header() {
        GatewayResponse response = read("""
                {"statusCode": 200, "multiValueHeaders": {"Vary": ["Accept", "Accept-Encoding"]},
                 "cookies": ["session=abc; HttpOnly", "theme=dark"]}""");

        assertThat(response.headers()).containsExactly(
                new GatewayResponse.Header("Vary", "Accept"),
                new GatewayResponse.Header("Vary", "Accept-Encoding"),
                new GatewayResponse.Header("set-cookie", "session=abc; HttpOnly"),
                new GatewayResponse.Header("set-cookie", "theme=dark"));
        assertThat(response.body()).isEmpty();
    }

    @Test
    void decodes_a_base64_encoded_body() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};

        GatewayResponse response = read("{\"statusCode\": 200, \"isBase64Encoded\": true, \"body\": \""
                + Base64.getEncoder().encodeToString(png) + "\"}");

        assertThat(response.body()).isEqualTo(png);
    }

    @Test
    void infers_a_json_response_from_output_without_a_status_code() {
        GatewayResponse object = read("{\"message\": \"Hello from Lambda!\"}");
        GatewayResponse string = read("\"Hello from Lambda!\"");

        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.headers()).containsExactly(new GatewayResponse.Header("content-type", "application/json"));
        assertThat(text(object)).isEqualTo("{\"message\": \"Hello from Lambda!\"}");
        assertThat(string.statusCode()).isEqualTo(200);
        assertThat(text(string)).isEqualTo("Hello from Lambda!");
    }

    @Test
    void accepts_a_status_code_written_as_text() {
        assertThat(read("{\"statusCode\": \"204\"}").statusCode()).isEqualTo(204);
    }

    @Test
    void leaves_connection_headers_to_the_gateway() {
        assertThat(read("{\"statusCode\": 200, \"headers\": {\"Content-Length\": \"999\", \"X-Id\": \"1\"}}").headers())
                .containsExactly(new GatewayResponse.Header("X-Id", "1"));
    }

    @Test
    void rejects_what_api_gateway_cannot_send() {
        assertThatThrownBy(() -> read("{\"statusCode\": 99}")).hasMessageContaining("not an HTTP status");
        assertThatThrownBy(() -> read("{\"statusCode\": \"created\"}")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> read("{\"statusCode\": 200, \"body\": {\"id\": 1}}")).hasMessageContaining("body must be a string");
        assertThatThrownBy(() -> read("{\"statusCode\": 200, \"isBase64Encoded\": true, \"body\": \"%%%\"}"))
                .hasMessageContaining("not base64");
        assertThatThrownBy(() -> read("not json")).hasMessageContaining("not JSON");
    }

    private static GatewayResponse read(String payload) {
        return ProxyResponse.read(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(GatewayResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
