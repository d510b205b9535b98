package dev.catalog.query.category;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.platform.http.ApiResponse;
import dev.catalog.platform.http.HttpFunction;
import dev.catalog.query.QueryApi;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Lambda handler of {@code GET /categories}: the caller's category tree with product counts, from the read model. */
public final class ListCategoriesFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CategoryTrees trees;

    public ListCategoriesFunction() {
        this(new CategoryTrees(QueryApi.readModel()));
    }

    public ListCategoriesFunction(CategoryTrees trees) {
        this.trees = trees;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var tenant = request.tenant();
            request.queryParameters().allowOnly(Set.of());
            List<CategoryNode> roots = trees.tree(tenant, request.deadline());
            return ApiResponse.json(200, Map.of("categories", roots), Map.of());
        });
    }
}
