package dev.catalog.systemtest.search;

import static dev.catalog.systemtest.search.ProductDraft.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad search input over the local HTTP API: every case answers 400 {@code invalid_request} naming the parameter,
 * never a 5xx; characters that mean something to OpenSearch's query syntax are only text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchBadInputIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogStack stack = CatalogStack.get();
    private final TenantSearch search = new TenantSearch(stack, Tenants.fresh("bad-search"));

    @BeforeAll
    void catalog() {
        TenantCatalog catalog = new TenantCatalog(stack, search.tenant());
        catalog.product(aProduct("RUN-1", "Trail Run Shoe").brand("Stride"));
        catalog.product(aProduct("RUN-2", "Road Running Shoe").brand("Stride"));
        catalog.product(aProduct("CRM-3", "Crème Hydratante").brand("Belle Époque"));
        search.awaitTotal(3);
    }

    static Stream<Arguments> badInput() {
        return Stream.of(
                bad("q longer than 200 characters", "q", "q", "a".repeat(201)),
                bad("a huge q", "q", "q", "running shoes ".repeat(400)),
                bad("q with a control character", "q", "q", "shoe\u0000"),
                bad("a negative limit", "limit", "limit", "-1"),
                bad("a zero limit", "limit", "limit", "0"),
                bad("a limit above 100", "limit", "limit", "101"),
                bad("a limit in words", "limit", "limit", "ten"),
                bad("a limit in scientific notation", "limit", "limit", "1e2"),
                bad("a limit given twice", "limit", "limit", "5", "limit", "6"),
                bad("an unknown sort", "sort", "sort", "cheapest"),
                bad("a sort in the wrong case", "sort", "sort", "PRICE_ASC"),
                bad("a garbled cursor", "cursor", "cursor", "%%not-a-cursor"),
                bad("a cursor longer than any handed out", "cursor", "cursor", "A".repeat(5000)),
                bad("a negative minimum price", "minPrice", "minPrice", "-5"),
                bad("a minimum price above the maximum", "minPrice", "minPrice", "50", "maxPrice", "10"),
                bad("a price with too many decimals", "maxPrice", "maxPrice", "1.23456"),
                bad("inStock neither true nor false", "inStock", "inStock", "yes"),
                bad("a category that is not an id", "category", "category", "shoes"),
                bad("a misspelt parameter", "brnad", "brnad", "Stride"),
                bad("an attribute name with reserved characters", "attr.col*r", "attr.col*r", "red"),
                bad("a brand with a control character", "brand", "brand", "Stride\u0007"),
                Arguments.of("too many brands", "brand", IntStream.range(0, 21)
                        .mapToObj(i -> Map.entry("brand", "Brand " + i)).toList()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void bad_input_answers_400_naming_the_parameter(String description, String field, List<Map.Entry<String, String>> parameters) {
        assertRefused(search.answer(parameters), field);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AND OR NOT", "\"unbalanced", "((( shoe", "name:shoe", "shoe*", "shoe~2", "\\", "/.*/",
            "{\"query\": {\"match_all\": {}}}", "<script>alert(1)</script>", "' OR 1=1 --", "%", "+shoe -creme && || ! ^",
            "_id:*", "*:*"})
    void reserved_characters_are_only_text(String q) {
        ApiAnswer answer = search.answer("q", q);

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("total").asLong()).as("matching everything would mean the text was read as a query")
                .isLessThan(3);
    }

    @Test
    void a_cursor_from_another_search_is_refused() {
        String cursor = search.page("q", "shoe", "limit", "1").get("nextCursor").asText();

        assertRefused(search.answer("q", "run", "limit", "1", "cursor", cursor), "cursor");
        assertRefused(search.answer("q", "shoe", "limit", "1", "sort", "price_asc", "cursor", cursor), "cursor");
        assertThat(search.answer("q", "shoe", "limit", "1", "cursor", cursor).status()).isEqualTo(200);
    }

    @Test
    void a_cursor_with_tampered_values_is_refused() throws Exception {
        String cursor = search.page("limit", "1").get("nextCursor").asText();
        ObjectNode decoded = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(cursor));
        decoded.putArray("a").add(12).add(true);
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(decoded));

        assertRefused(search.answer("limit", "1", "cursor", tampered), "cursor");
    }

    private static void assertRefused(ApiAnswer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(answer.code()).isEqualTo("invalid_request");
        assertThat(answer.json().get("errors")).extracting(error -> error.get("field").asText()).contains(field);
        assertThat(answer.body()).doesNotContain("Exception", "opensearch", "at dev.");
    }

    private static Arguments bad(String description, String field, String... namesAndValues) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.add(Map.entry(namesAndValues[i], namesAndValues[i + 1]));
        }
        return Arguments.of(description, field, parameters);
    }
}
