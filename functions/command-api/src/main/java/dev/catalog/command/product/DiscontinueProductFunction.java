package dev.catalog.command.product;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.command.CommandApi;
import dev.catalog.command.http.CommandRequests;
import dev.catalog.command.http.CommandResponses;
import dev.catalog.platform.http.HttpFunction;

/** Lambda handler that withdraws a product for good: POST /products/{id}/discontinue. */
public final class DiscontinueProductFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ProductCommands products;

    public DiscontinueProductFunction() {
        this(CommandApi.instance().products());
    }

    public DiscontinueProductFunction(ProductCommands products) {
        this.products = products;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var conditions = CommandRequests.changingByPost(request);
            var outcome = products.discontinue(conditions, ProductRequests.productId(request));
            return CommandResponses.changed(outcome);
        });
    }
}
