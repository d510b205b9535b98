package dev.catalog.command.product;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.command.CommandApi;
import dev.catalog.command.http.CommandRequests;
import dev.catalog.command.http.CommandResponses;
import dev.catalog.platform.http.HttpFunction;

/** Lambda handler that deletes a product: DELETE /products/{id}. */
public final class DeleteProductFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ProductCommands products;

    public DeleteProductFunction() {
        this(CommandApi.instance().products());
    }

    public DeleteProductFunction(ProductCommands products) {
        this.products = products;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var conditions = CommandRequests.changing(request);
            var outcome = products.delete(conditions, ProductRequests.productId(request));
            return CommandResponses.deleted(outcome);
        });
    }
}
