package dev.catalog.query.search;

import static dev.catalog.query.search.SearchEvents.search;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.domain.shared.TenantId;
import dev.catalog.local.process.FreePorts;
import dev.catalog.platform.http.QueryParameters;
import dev.catalog.platform.json.Json;
import dev.catalog.search.client.SearchClients;
import dev.catalog.search.client.SearchSettings;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;

/**
 * Bad input is refused before OpenSearch is asked anything: these requests go to a function whose OpenSearch
 * is not there, so every answer but 400 would be a 503.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchRequestValidationTest {

    private OpenSearchClient unreachable;
    private SearchProductsFunction function;

    @BeforeAll
    void functionWithoutOpenSearch() {
        unreachable = SearchClients.create(new SearchSettings(URI.create("http://127.0.0.1:" + FreePorts.next()),
                SearchSettings.Authentication.NONE, null));
        function = new SearchProductsFunction(new ProductSearch(unreachable));
    }

    @AfterAll
    void close() throws IOException {
        unreachable._transport().close();
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', textBlock = """
            limit=0                                   | limit
            limit=101                                 | limit
            limit=-5                                  | limit
            limit=ten                                 | limit
            limit=1e2                                 | limit
            sort=cheapest                             | sort
            category=shoes                            | category
            category=3f2c1a4e-8b7d-4c6e-9a1b          | category
            minPrice=cheap                            | minPrice
            minPrice=-1                               | minPrice
            maxPrice=1e3                              | maxPrice
            maxPrice=10.99999                         | maxPrice
            minPrice=50&maxPrice=10                   | minPrice
            inStock=yes                               | inStock
            facets=no                                 | facets
            status=active                             | status
            attr.Color=red                            | attr.Color
            attr.=red                                 | attr.
            brnad=Acme                                | brnad
            limit=10&limit=20                         | limit
            q=a&q=b                                   | q
            q=%ZZ                                     | q
            q=tab%09inside                            | q
            cursor=not-a-cursor                       | cursor
            cursor=eyJ2IjoxfQ                         | cursor
            gtin=4006381333932                        | gtin
            gtin=1234567                              | gtin
            gtin=400638133393A                        | gtin
            gtin=4006381333931&gtin=96385074          | gtin
            """)
    void refuses_bad_input_with_a_400_that_names_the_parameter(String query, String field) {
        APIGatewayV2HTTPResponse response = function.handleRequest(search("acme", query), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(errorFields(response)).contains(field);
    }

    @Test
    void refuses_a_query_longer_than_200_characters() {
        APIGatewayV2HTTPResponse response = function.handleRequest(search("acme", "q=" + "a".repeat(201)), null);

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(errorFields(response)).containsExactly("q");
    }

    @Test
    void reports_every_bad_parameter_at_once() {
        APIGatewayV2HTTPResponse response = function.handleRequest(search("acme", "limit=0&sort=up&inStock=maybe"), null);

        assertThat(errorFields(response)).containsExactlyInAnyOrder("limit", "sort", "inStock");
    }

    @Test
    void refuses_a_cursor_of_another_search_or_tenant() {
        SearchCriteria byName = SearchParameters.read(QueryParameters.parse("sort=name"), new TenantId("acme"));
        String cursor = SearchCursor.encode(byName.fingerprint("acme"),
                List.of(FieldValue.of("run shoe"), FieldValue.of("0b9a4c43-3c55-4bd6-9a4e-2b6d5f0c2f11")));

        assertThat(errorFields(function.handleRequest(search("acme", "sort=price_asc&cursor=" + cursor), null))).containsExactly("cursor");
        assertThat(errorFields(function.handleRequest(search("acme", "sort=name&brand=Acme&cursor=" + cursor), null))).containsExactly("cursor");
        assertThat(errorFields(function.handleRequest(search("globex", "sort=name&cursor=" + cursor), null))).containsExactly("cursor");
    }

    @Test
    void answers_503_with_retry_after_when_opensearch_cannot_be_reached() {
        APIGatewayV2HTTPResponse response = function.handleRequest(search("acme", "q=shoe"), null);

        assertThat(response.getStatusCode()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "1");
        assertThat(Json.read(response.getBody(), Map.class)).containsEntry("code", "service_unavailable");
        assertThat(response.getBody()).doesNotContain("Exception", "127.0.0.1");
    }

    @Test
    void answers_401_for_a_token_without_a_tenant() {
        var event = search("acme", "q=shoe");
        event.getRequestContext().getAuthorizer().getJwt().setClaims(Map.of("sub", "someone"));

        assertThat(function.handleRequest(event, null).getStatusCode()).isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    private static List<String> errorFields(APIGatewayV2HTTPResponse response) {
        Map<String, Object> problem = Json.read(response.getBody(), Map.class);
        assertThat(problem).containsEntry("code", "invalid_request");
        return ((List<Map<String, Object>>) problem.get("errors")).stream().map(error -> (String) error.get("field")).toList();
    }
}
