package dev.catalog.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Bodies that are not JSON are refused in the client's terms: what is wrong and where, never the parser's. */
class JsonBodyInputTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"name\": NaN}                    | NaN and Infinity are not JSON numbers (line 1, column",
            "{\"a\": 1, \"a\": 2}               | the key \"a\" appears twice (line 1, column",
            "{\"a\": 1} {\"b\": 2}              | there is more after the JSON value",
            "{\"a\": 01}                        | a number must not start with 0",
            "{\"a\": [1, 2                      | the JSON ends too early",
            "{a: 1}                             | unexpected character 'a' (line 1, column 2)",
            "{\"a\": tru}                       | unexpected word 'tru'",
    })
    void describes_malformed_json_without_naming_the_parser(String body, String expected) {
        Problem problem = refused(event(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(problem.code()).isEqualTo("malformed_json");
        assertThat(problem.detail()).startsWith("the body is not valid JSON: ").contains(expected.strip())
                .doesNotContain("Feature", "`", "jackson", "Jackson", "START_", "Source", "REDACTED", "code 1");
    }

    @Test
    void refuses_a_body_that_is_not_utf_8_instead_of_storing_replacement_characters() {
        byte[] latin1 = "{\"name\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        Problem problem = refused(event(latin1));

        assertThat(problem.code()).isEqualTo("malformed_json");
        assertThat(problem.detail()).isEqualTo("the body is not valid UTF-8");
    }

    @Test
    void takes_utf_8_as_it_is() {
        byte[] utf8 = "{\"name\": \"Caf\u00e9 \uD83D\uDC5F\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(new ApiRequest(event(utf8)).jsonBody().requiredText("name")).isEqualTo("Caf\u00e9 \uD83D\uDC5F");
    }

    private static Problem refused(APIGatewayV2HTTPEvent event) {
        return catchThrowableOfType(ProblemException.class, () -> new ApiRequest(event).jsonBody()).problem();
    }

    /** As API Gateway sends a body it cannot pass as text: base64 encoded. */
    private static APIGatewayV2HTTPEvent event(byte[] body) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of("content-type", "application/json"));
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return event;
    }
}
