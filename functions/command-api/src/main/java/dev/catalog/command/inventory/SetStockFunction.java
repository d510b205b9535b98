package dev.catalog.command.inventory;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.command.CommandApi;
import dev.catalog.command.http.CommandRequests;
import dev.catalog.command.http.CommandResponses;
import dev.catalog.platform.http.ApiResponse;
import dev.catalog.platform.http.HttpFunction;
import java.util.Map;

/** Lambda handler that sets a product's stock in one warehouse: PUT /products/{id}/stock/{warehouse}. */
public final class SetStockFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final InventoryCommands inventory;

    public SetStockFunction() {
        this(CommandApi.instance().inventory());
    }

    public SetStockFunction(InventoryCommands inventory) {
        this.inventory = inventory;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var conditions = CommandRequests.setting(request);
            var command = InventoryRequests.setStock(request);
            var outcome = inventory.setStock(conditions, command.productId(), command.warehouse(), command.quantity());
            return CommandResponses.render(outcome, stock -> ApiResponse.json(200, stock, Map.of()));
        });
    }
}
