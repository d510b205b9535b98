package dev.catalog.command.category;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.command.CommandApi;
import dev.catalog.command.http.CommandRequests;
import dev.catalog.command.http.CommandResponses;
import dev.catalog.platform.http.HttpFunction;

/** Lambda handler that renames and/or moves a category: PATCH /categories/{id}. */
public final class UpdateCategoryFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CategoryCommands categories;

    public UpdateCategoryFunction() {
        this(CommandApi.instance().categories());
    }

    public UpdateCategoryFunction(CategoryCommands categories) {
        this.categories = categories;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var conditions = CommandRequests.changing(request);
            var id = CategoryRequests.categoryId(request);
            var outcome = categories.revise(conditions, id, CategoryRequests.revision(request));
            return CommandResponses.changed(outcome);
        });
    }
}
