package dev.catalog.query.search;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.platform.http.ApiResponse;
import dev.catalog.platform.http.HttpFunction;
import dev.catalog.search.client.SearchClients;
import java.util.Map;

/** Lambda handler for product search: GET /products/search. */
public final class SearchProductsFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ProductSearch search;

    public SearchProductsFunction() {
        this(Holder.SEARCH);
    }

    public SearchProductsFunction(ProductSearch search) {
        this.search = search;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            TenantId tenant = request.tenant();
            SearchCriteria criteria = SearchParameters.read(request.queryParameters(), tenant);
            ProductSearch.Searched searched = search.search(tenant, criteria);
            // Server-Timing (W3C): OpenSearch's own time for the search, beside which a client sees the whole request's.
            return ApiResponse.json(200, searched.page(), Map.of("Server-Timing", "opensearch;dur=" + searched.openSearchTookMillis()));
        });
    }

    /** The client, built once per execution environment on first use (or in SnapStart's snapshot). */
    private static final class Holder {
        private static final ProductSearch SEARCH = new ProductSearch(SearchClients.fromEnvironment());
    }
}
