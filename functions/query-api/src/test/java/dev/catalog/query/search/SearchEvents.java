package dev.catalog.query.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.catalog.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** GET /products/search requests shaped as API Gateway (payload format 2.0) hands them to the function. */
final class SearchEvents {

    private SearchEvents() {
    }

    /** @param rawQueryString as the client sent it, still URL-encoded */
    static APIGatewayV2HTTPEvent search(String tenant, String rawQueryString) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("GET /products/search")
                .withRawPath("/products/search")
                .withRawQueryString(rawQueryString)
                .withHeaders(Map.of("accept", "application/json"))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("test-request")
                        .withRouteKey("GET /products/search")
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("tenant_id", tenant))
                                        .build())
                                .build())
                        .build())
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * The sample in events/, read the way the Lambda Java runtime reads this input type: APIGatewayV2HTTPEvent is
     * not among aws-lambda-java-serialization's mixin-backed events, so the runtime's own Jackson reads it.
     */
    static APIGatewayV2HTTPEvent sample() {
        // Maven runs tests in the module's directory.
        Path sample = Path.of("..", "..", "events", "SearchProductsFunction.json");
        try {
            return JacksonFactory.getInstance().getSerializer(APIGatewayV2HTTPEvent.class).fromJson(Files.readString(sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SearchPage page(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.getStatusCode() + ": " + response.getBody());
        }
        return Json.read(response.getBody(), SearchPage.class);
    }
}
