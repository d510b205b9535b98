package dev.catalog.command.category;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.command.CommandApi;
import dev.catalog.command.http.CommandRequests;
import dev.catalog.command.http.CommandResponses;
import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.shared.IdSource;
import dev.catalog.platform.http.HttpFunction;

/** Lambda handler that creates a category: POST /categories. */
public final class CreateCategoryFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CategoryCommands categories;
    private final IdSource ids;

    public CreateCategoryFunction() {
        this(CommandApi.instance().categories(), CommandApi.instance().ids());
    }

    public CreateCategoryFunction(CategoryCommands categories, IdSource ids) {
        this.categories = categories;
        this.ids = ids;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var conditions = CommandRequests.creating(request);
            var command = CategoryRequests.newCategory(request);
            var outcome = categories.create(conditions, new CategoryId(ids.newId()), command.name(), command.parentId());
            return CommandResponses.created(outcome, "/categories");
        });
    }
}
