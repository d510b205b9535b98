package dev.catalog.systemtest.commands;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.services.postgres.WriteModelRows;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind gets a 4xx problem naming the field at fault, never a 5xx, and changes nothing:
 * no row in any table of the tenant, no event, no idempotency key.
 */
class BadInputIT {

    private static final CatalogStack stack = CatalogStack.get();
    private static final String TENANT = Tenants.fresh("bad-input");
    private static String productId;

    @BeforeAll
    static void aProductToChange() {
        productId = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(TENANT).json(product(uniqueSku()))).id();
    }

    static Stream<Arguments> badRequests() {
        String valid = product("BAD-INPUT-1");
        return Stream.of(
                bad("malformed JSON", create("{\"sku\": "), 400, "malformed_json", null),
                bad("trailing garbage", create(valid + "}"), 400, "malformed_json", null),
                bad("duplicate keys", create("{\"sku\": \"A-1\", \"sku\": \"A-2\"}"), 400, "malformed_json", null),
                bad("NaN literal", create(valid.replace("\"89.90\"", "NaN")), 400, "malformed_json", null),
                bad("Infinity literal", create(valid.replace("\"89.90\"", "Infinity")), 400, "malformed_json", null),
                bad("nesting bomb", create("[".repeat(5000) + "]".repeat(5000)), 400, "malformed_json", null),
                bad("an array, not an object", create("[1, 2]"), 400, "invalid_request", "body"),
                bad("empty body", create(""), 400, "invalid_request", "body"),
                bad("wrong type", create(valid.replace("\"BAD-INPUT-1\"", "42")), 400, "invalid_request", "sku"),
                bad("unknown field", create(valid.replace("\"brand\"", "\"colour\": \"red\", \"brand\"")), 400, "invalid_request", "colour"),
                bad("missing field", create("{\"sku\": \"A-1\", \"name\": \"Shoe\"}"), 400, "invalid_request", "price"),
                bad("missing nested field", create(valid.replace(", \"currency\": \"EUR\"", "")), 400, "invalid_request", "price.currency"),
                bad("price as a string", create(valid.replace("{\"amount\": \"89.90\", \"currency\": \"EUR\"}", "\"89.90 EUR\"")), 400, "invalid_request", "price"),
                bad("amount as a boolean", create(valid.replace("\"89.90\"", "true")), 400, "invalid_request", "price.amount"),
                bad("amount \"NaN\"", create(valid.replace("\"89.90\"", "\"NaN\"")), 400, "invalid_request", "price.amount"),
                bad("negative price", create(valid.replace("\"89.90\"", "-5")), 422, "price_not_positive", "price"),
                bad("zero price", create(valid.replace("\"89.90\"", "\"0.00\"")), 422, "price_not_positive", "price"),
                bad("over-precise price", create(valid.replace("\"89.90\"", "19.999")), 422, "price_precision", "price"),
                bad("yen with cents", create(valid.replace("\"89.90\"", "\"100.5\"").replace("EUR", "JPY")), 422, "price_precision", "price"),
                bad("absurd price", create(valid.replace("\"89.90\"", "1e999999")), 422, "price_too_large", "price"),
                bad("unknown currency", create(valid.replace("EUR", "XYZ")), 422, "currency_unknown", "price"),
                bad("lower-case currency", create(valid.replace("EUR", "eur")), 422, "currency_unknown", "price"),
                bad("control character in a name", create(valid.replace("Trail Running Shoe", "Trail\\u0000Shoe")), 422, "name_invalid", "name"),
                bad("escape sequence in a name", create(valid.replace("Trail Running Shoe", "\\u001b[31mRed")), 422, "name_invalid", "name"),
                bad("blank name", create(valid.replace("Trail Running Shoe", "   ")), 422, "name_invalid", "name"),
                bad("right-to-left override in a name", create(valid.replace("Trail Running Shoe", "Invoice \\u202Egpj.exe")), 422, "name_invalid", "name"),
                bad("zero-width space in a name", create(valid.replace("Trail Running Shoe", "Trail\u200BShoe")), 422, "name_invalid", "name"),
                bad("zero-width space in a SKU", create(valid.replace("BAD-INPUT-1", "BAD\u200B-1")), 422, "sku_invalid", "sku"),
                bad("bidi isolate in a category name", ApiCall.to("POST /categories").json("{\"name\": \"Shoes\\u2066x\\u2069\"}"), 422, "name_invalid", "name"),
                bad("body that is not UTF-8", ApiCall.to("POST /products").binaryBody(valid.replace("Light", "L\u00e9ger").getBytes(StandardCharsets.ISO_8859_1), "application/json"), 400, "malformed_json", null),
                bad("name too long", create(valid.replace("Trail Running Shoe", "x".repeat(201))), 422, "name_invalid", "name"),
                bad("SQL in a SKU", create(valid.replace("BAD-INPUT-1", "x'; DROP TABLE product; --")), 422, "sku_invalid", "sku"),
                bad("bad uuid for a category", create(valid.replace("\"brand\"", "\"categoryId\": \"42\", \"brand\"")), 400, "invalid_request", "categoryId"),
                bad("attribute name with capitals", create(valid.replace("\"color\"", "\"Color\"")), 422, "attributes_invalid", "attributes"),
                bad("unknown status", create(valid.replace("\"brand\"", "\"status\": \"SOLD\", \"brand\"")), 400, "invalid_request", "status"),
                bad("1 MB body", create(valid.replace("Light and grippy.", "x".repeat(1024 * 1024))), 413, "payload_too_large", null),
                bad("text/plain body", ApiCall.to("POST /products").header("content-type", "text/plain").json(valid), 415, "unsupported_media_type", null),
                bad("JSON in another charset", ApiCall.to("POST /products").header("content-type", "application/json; charset=iso-8859-1").json(valid), 415, "unsupported_media_type", null),
                bad("binary body", ApiCall.to("POST /products").binaryBody(new byte[] {(byte) 0xff, 0, 1}, "application/octet-stream"), 415, "unsupported_media_type", null),
                bad("bad uuid in the path", change("PATCH /products/{id}", "not-a-uuid").ifMatch(1).json("{\"name\": \"X\"}"), 400, "invalid_request", "id"),
                bad("SQL in the path", change("PATCH /products/{id}", "' OR 1=1 --").ifMatch(1).json("{\"name\": \"X\"}"), 400, "invalid_request", "id"),
                bad("a uuid in a lax form", change("DELETE /products/{id}", "1-2-3-4-5").ifMatch(1), 400, "invalid_request", "id"),
                bad("malformed If-Match", change("PATCH /products/{id}", null).header("if-match", "three").json("{\"name\": \"X\"}"), 400, "invalid_request", "If-Match"),
                bad("nothing to change", change("PATCH /products/{id}", null).ifMatch(1).json("{}"), 400, "invalid_request", "body"),
                bad("removing the name", change("PATCH /products/{id}", null).ifMatch(1).json("{\"name\": null}"), 400, "invalid_request", "name"),
                bad("blank description", change("PATCH /products/{id}", null).ifMatch(1).json("{\"description\": \"  \"}"), 422, "description_invalid", "description"),
                bad("price without currency", change("PUT /products/{id}/price", null).ifMatch(1).json("{\"amount\": 5}"), 400, "invalid_request", "currency"),
                bad("fractional quantity", stock("BER-1").json("{\"quantity\": 1.5}"), 400, "invalid_request", "quantity"),
                bad("quantity as a string", stock("BER-1").json("{\"quantity\": \"5\"}"), 400, "invalid_request", "quantity"),
                bad("negative quantity", stock("BER-1").json("{\"quantity\": -1}"), 422, "quantity_negative", "quantity"),
                bad("huge quantity", stock("BER-1").json("{\"quantity\": 99999999999}"), 422, "quantity_too_large", "quantity"),
                bad("bad warehouse code", stock("../../etc").json("{\"quantity\": 1}"), 422, "warehouse_invalid", "warehouse"),
                bad("Idempotency-Key too long", create(valid).idempotencyKey("k".repeat(300)), 400, "invalid_request", "Idempotency-Key"),
                bad("blank category name", ApiCall.to("POST /categories").json("{\"name\": \"\"}"), 422, "name_invalid", "name"),
                bad("category under a bad uuid", ApiCall.to("POST /categories").json("{\"name\": \"X\", \"parentId\": \"x\"}"), 400, "invalid_request", "parentId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void bad_input_is_answered_with_a_problem_naming_the_field_and_changes_nothing(
            String description, ApiCall call, int status, String code, String field) {
        List<String> before = tenantRows();

        ApiAnswer answer = stack.call(functionFor(call), call.tenant(TENANT));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).isEqualTo("urn:catalog:problem:" + code);
        if (field != null) {
            assertThat(problem.get("errors")).extracting(error -> error.get("field").asText()).contains(field);
        }
        assertThat(answer.body()).doesNotContain("Exception", "SQL", "dev.catalog", "at java.");
        assertThat(tenantRows()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void text_that_merely_looks_like_sql_is_stored_verbatim_and_harms_nothing() {
        String name = "Robert'); DROP TABLE product; --";

        ApiAnswer created = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(TENANT)
                .json(product(uniqueSku()).replace("Trail Running Shoe", name)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(stack.db().text("select name from product where id = ?::uuid", created.id())).isEqualTo(name);
    }

    @Test
    void unicode_text_is_kept_exactly() {
        String name = "Crème brûlée 🍮 — 東京";

        ApiAnswer created = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(TENANT)
                .json(product(uniqueSku()).replace("Trail Running Shoe", name)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(stack.db().text("select name from product where id = ?::uuid", created.id()).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Arguments bad(String description, ApiCall call, int status, String code, String field) {
        return arguments(description, call, status, code, field);
    }

    private static ApiCall create(String body) {
        return ApiCall.to("POST /products").json(body);
    }

    /** A call on the product created before all tests, or on {@code id} when given. */
    private static ApiCall change(String route, String id) {
        return id == null ? ApiCall.to(route).with("id", () -> productId) : ApiCall.to(route).with("id", id);
    }

    private static ApiCall stock(String warehouse) {
        return change("PUT /products/{id}/stock/{warehouse}", null).with("warehouse", warehouse);
    }

    private static String functionFor(ApiCall call) {
        return switch (call.routeKey()) {
            case "POST /products" -> "CreateProductFunction";
            case "PATCH /products/{id}" -> "UpdateProductFunction";
            case "PUT /products/{id}/price" -> "ChangeProductPriceFunction";
            case "PUT /products/{id}/stock/{warehouse}" -> "SetStockFunction";
            case "DELETE /products/{id}" -> "DeleteProductFunction";
            case "POST /categories" -> "CreateCategoryFunction";
            default -> throw new IllegalArgumentException(call.routeKey());
        };
    }

    /** Every row of the tenant, content and all: an update in place changes them as much as an insert. */
    private static List<String> tenantRows() {
        return WriteModelRows.of(stack.db().connection(), TENANT);
    }
}
