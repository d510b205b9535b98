package dev.catalog.systemtest.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import java.util.LinkedHashMap;
import java.util.Map;

/** One tenant's commands over the local HTTP API, each expected to succeed. */
final class TenantCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogStack stack;
    private final String tenant;

    TenantCatalog(CatalogStack stack, String tenant) {
        this.stack = stack;
        this.tenant = tenant;
    }

    String tenant() {
        return tenant;
    }

    /** Creates a category; answers its id. */
    String category(String name, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return succeed(ApiCall.to("POST /categories").json(json(body))).id();
    }

    ApiAnswer renameCategory(String id, long version, String name) {
        return succeed(ApiCall.to("PATCH /categories/{id}").with("id", id).ifMatch(version).json(json(Map.of("name", name))));
    }

    /** Creates a product; answers its id. */
    String product(ProductDraft draft) {
        return succeed(ApiCall.to("POST /products").json(json(draft.body()))).id();
    }

    ApiAnswer rename(String id, long version, String name) {
        return succeed(ApiCall.to("PATCH /products/{id}").with("id", id).ifMatch(version).json(json(Map.of("name", name))));
    }

    ApiAnswer reprice(String id, long version, String amount, String currency) {
        return succeed(ApiCall.to("PUT /products/{id}/price").with("id", id).ifMatch(version)
                .json(json(Map.of("amount", amount, "currency", currency))));
    }

    ApiAnswer stock(String id, String warehouse, long quantity) {
        return succeed(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id).with("warehouse", warehouse)
                .json(json(Map.of("quantity", quantity))));
    }

    ApiAnswer delete(String id, long version) {
        return succeed(ApiCall.to("DELETE /products/{id}").with("id", id).ifMatch(version));
    }

    ApiAnswer fileUnder(String id, long version, String categoryId) {
        return succeed(ApiCall.to("PATCH /products/{id}").with("id", id).ifMatch(version).json(json(Map.of("categoryId", categoryId))));
    }

    private ApiAnswer succeed(ApiCall call) {
        ApiAnswer answer = stack.overHttp(call.tenant(tenant));
        assertThat(answer.status()).as(call.routeKey() + " answered " + answer).isBetween(200, 299);
        return answer;
    }

    static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
