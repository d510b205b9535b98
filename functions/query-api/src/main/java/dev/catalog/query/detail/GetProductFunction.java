package dev.catalog.query.detail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.platform.http.ApiResponse;
import dev.catalog.platform.http.HttpFunction;
import dev.catalog.platform.http.RejectionProblems;
import dev.catalog.platform.json.Json;
import dev.catalog.query.QueryApi;
import dev.catalog.query.ReadYourWrites;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda handler of {@code GET /products/{id}}: the product detail from the read model. With {@code minVersion}, it
 * waits up to 5 s for the read model to reach that version (the client reads its own write), then answers what it
 * has, marked {@code Catalog-Stale: true} if that is older. The {@code ETag} identifies the representation (see
 * {@link EntityTag}); for {@code If-Match} on commands, clients send the {@code version} of the body.
 */
public final class GetProductFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final ProductDetails details;

    public GetProductFunction() {
        this(new ProductDetails(QueryApi.readModel()));
    }

    public GetProductFunction(ProductDetails details) {
        this.details = details;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HttpFunction.handle(event, context, request -> {
            var tenant = request.tenant();
            var id = request.pathUuid("id");
            ReadYourWrites.Lookup<ProductDetail> lookup = ReadYourWrites.read(request, () -> details.find(tenant, id, request.deadline()), ProductDetail::version);
            Optional<ProductDetail> detail = lookup.found();
            if (detail.isEmpty()) {
                return ApiResponse.problem(RejectionProblems.toProblem(Rejection.notFound("product " + id)));
            }
            String representation = Json.write(detail.get());
            EntityTag tag = EntityTag.of(representation);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("ETag", tag.value());
            if (lookup.stale()) {
                headers.put("Catalog-Stale", "true");
            }
            if (!lookup.stale() && request.header("if-none-match").filter(tag::matchedBy).isPresent()) {
                return ApiResponse.notModified(headers);
            }
            return ApiResponse.jsonText(200, representation, headers);
        });
    }
}
