package dev.catalog.command.product;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.command.CommandApi;
import dev.catalog.command.http.CommandRequests;
import dev.catalog.command.http.CommandResponses;
import dev.catalog.domain.shared.IdSource;
import dev.catalog.platform.http.HttpFunction;

/** Lambda handler that creates a product: POST /products. */
public final class CreateProductFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ProductCommands products;
    private final IdSource ids;

    public CreateProductFunction() {
        this(CommandApi.instance().products(), CommandApi.instance().ids());
    }

    public CreateProductFunction(ProductCommands products, IdSource ids) {
        this.products = products;
        this.ids = ids;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var conditions = CommandRequests.creating(request);
            var outcome = products.create(conditions, ProductRequests.newProduct(request, ids));
            return CommandResponses.created(outcome, "/products");
        });
    }
}
