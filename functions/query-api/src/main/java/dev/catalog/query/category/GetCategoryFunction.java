package dev.catalog.query.category;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.platform.http.ApiResponse;
import dev.catalog.platform.http.HttpFunction;
import dev.catalog.platform.http.RejectionProblems;
import dev.catalog.query.QueryApi;
import dev.catalog.query.ReadYourWrites;
import java.util.Map;

/**
 * Lambda handler of {@code GET /categories/{id}}, where {@code POST /categories} points its {@code Location}: one
 * category with its path and subtree, from the read model. {@code minVersion} reads one's own write, as on products.
 */
public final class GetCategoryFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final CategoryTrees trees;

    public GetCategoryFunction() {
        this(new CategoryTrees(QueryApi.readModel()));
    }

    public GetCategoryFunction(CategoryTrees trees) {
        this.trees = trees;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var tenant = request.tenant();
            var id = request.pathUuid("id");
            ReadYourWrites.Lookup<CategoryDetail> lookup = ReadYourWrites.read(request, () -> trees.find(tenant, id, request.deadline()), CategoryDetail::version);
            if (lookup.found().isEmpty()) {
                return ApiResponse.problem(RejectionProblems.toProblem(Rejection.notFound("category " + id)));
            }
            Map<String, String> headers = lookup.stale() ? Map.of("Catalog-Stale", "true") : Map.of();
            return ApiResponse.json(200, lookup.found().get(), headers);
        });
    }
}
