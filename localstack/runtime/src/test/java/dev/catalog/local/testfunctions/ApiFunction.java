package dev.catalog.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/** An HTTP API handler typed with the events library, as the catalog's handlers are. */
public class ApiFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(201)
                .withHeaders(Map.of(
                        "x-tenant", event.getRequestContext().getAuthorizer().getJwt().getClaims().get("tenant_id"),
                        "x-product", event.getPathParameters().get("id"),
                        "x-route", event.getRouteKey(),
                        "x-function", context.getFunctionName()))
                .withBody(event.getBody())
                .withIsBase64Encoded(false)
                .build();
    }
}
