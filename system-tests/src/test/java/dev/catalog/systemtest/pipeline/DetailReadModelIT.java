package dev.catalog.systemtest.pipeline;

import static dev.catalog.systemtest.support.Bodies.productInCategory;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.ReadModelCheck;
import dev.catalog.systemtest.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole chain through the HTTP API: command → outbox → Debezium Server → Kafka → event source mapping →
 * detail projection → catalog_read → query function.
 */
class DetailReadModelIT {

    private static final Duration PIPELINE = Duration.ofSeconds(30);

    private final CatalogStack stack = CatalogStack.get();
    private String tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Tenants.fresh("detail");
    }

    @Test
    void a_created_product_is_readable_with_min_version() {
        String shoes = createCategory("Shoes", null);
        ApiAnswer created = http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), shoes)));

        ApiAnswer detail = http(ApiCall.to("GET /products/{id}").with("id", created.id()).query("minVersion", "1"));

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.header("Catalog-Stale")).isEmpty();
        assertThat(detail.header("ETag")).isPresent();
        JsonNode product = detail.json();
        assertThat(product.get("id").asText()).isEqualTo(created.id());
        assertThat(product.get("name").asText()).isEqualTo("Trail Running Shoe");
        assertThat(product.at("/price/amount").asText()).isEqualTo("89.90");
        assertThat(product.at("/category/name").asText()).isEqualTo("Shoes");
        assertThat(product.at("/category/path/0/name").asText()).isEqualTo("Shoes");
        assertThat(product.get("inStock").asBoolean()).isFalse();
        assertThat(product.get("version").asLong()).isEqualTo(1);
    }

    @Test
    void reading_a_newer_version_than_the_read_model_has_waits_then_answers_stale() {
        ApiAnswer created = http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), createCategory("Shoes", null))));

        long started = System.nanoTime();
        ApiAnswer detail = http(ApiCall.to("GET /products/{id}").with("id", created.id()).query("minVersion", "99"));

        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.header("Catalog-Stale")).hasValue("true");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void renaming_a_category_renames_it_on_every_product_below_it() {
        String clothing = createCategory("Clothing", null);
        String shoes = createCategory("Shoes", clothing);
        String boots = createCategory("Boots", shoes);
        List<String> products = IntStream.range(0, 5)
                .mapToObj(i -> http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), i % 2 == 0 ? shoes : boots))).id())
                .toList();

        ApiAnswer renamed = http(ApiCall.to("PATCH /categories/{id}").with("id", clothing).ifMatch(1).json("{\"name\": \"Apparel\"}"));
        assertThat(renamed.status()).isEqualTo(200);

        await().atMost(PIPELINE).untilAsserted(() -> {
            for (String id : products) {
                JsonNode path = http(ApiCall.to("GET /products/{id}").with("id", id)).json().at("/category/path");
                assertThat(path.get(0).get("name").asText()).isEqualTo("Apparel");
            }
        });
        JsonNode bootsProduct = http(ApiCall.to("GET /products/{id}").with("id", products.get(1))).json();
        assertThat(bootsProduct.at("/category/path")).extracting(node -> node.get("name").asText())
                .containsExactly("Apparel", "Shoes", "Boots");
        assertThat(ReadModelCheck.differences(stack.db(), tenant)).isEmpty();
    }

    @Test
    void moving_a_category_moves_the_path_of_its_products() {
        String clothing = createCategory("Clothing", null);
        String garden = createCategory("Garden", null);
        String boots = createCategory("Boots", clothing);
        String id = http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), boots))).id();

        http(ApiCall.to("PATCH /categories/{id}").with("id", boots).ifMatch(1).json("{\"parentId\": \"" + garden + "\"}"));

        await().atMost(PIPELINE).untilAsserted(() -> assertThat(http(ApiCall.to("GET /products/{id}").with("id", id)).json()
                .at("/category/path")).extracting(node -> node.get("name").asText()).containsExactly("Garden", "Boots"));
    }

    @Test
    void stock_changes_reach_the_totals() {
        String id = http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), createCategory("Shoes", null)))).id();

        http(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id).with("warehouse", "BER-1").json("{\"quantity\": 7}"));
        ApiAnswer last = http(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id).with("warehouse", "LYS-2").json("{\"quantity\": 5}"));
        assertThat(last.json().get("version").asLong()).isEqualTo(2);

        await().atMost(PIPELINE).untilAsserted(() -> {
            JsonNode detail = http(ApiCall.to("GET /products/{id}").with("id", id)).json();
            assertThat(detail.at("/stock/total").asLong()).isEqualTo(12);
            assertThat(detail.at("/stock/warehouses/BER-1").asLong()).isEqualTo(7);
            assertThat(detail.get("inStock").asBoolean()).isTrue();
            assertThat(detail.at("/stock/version").asLong()).isEqualTo(2);
        });
    }

    @Test
    void revalidating_with_the_etag_answers_304_until_the_stock_changes() {
        String id = http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), createCategory("Shoes", null)))).id();
        ApiAnswer first = http(ApiCall.to("GET /products/{id}").with("id", id).query("minVersion", "1"));
        String etag = first.header("ETag").orElseThrow();

        ApiAnswer unchanged = http(ApiCall.to("GET /products/{id}").with("id", id).header("if-none-match", etag));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.header("ETag")).hasValue(etag);

        http(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id).with("warehouse", "BER-1").json("{\"quantity\": 3}"));

        await().atMost(PIPELINE).untilAsserted(() -> {
            ApiAnswer changed = http(ApiCall.to("GET /products/{id}").with("id", id).header("if-none-match", etag));
            assertThat(changed.status()).isEqualTo(200);
            assertThat(changed.json().at("/stock/total").asLong()).isEqualTo(3);
            assertThat(changed.json().get("version").asLong()).isEqualTo(1);
            assertThat(changed.header("ETag")).isPresent().get().isNotEqualTo(etag);
        });
    }

    @Test
    void a_deleted_product_answers_404() {
        String id = http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), createCategory("Shoes", null)))).id();
        ApiAnswer before = http(ApiCall.to("GET /products/{id}").with("id", id).query("minVersion", "1"));
        assertThat(before.status()).as("in the read model before the delete").isEqualTo(200);
        assertThat(before.header("Catalog-Stale")).isEmpty();

        assertThat(http(ApiCall.to("DELETE /products/{id}").with("id", id).ifMatch(1)).status()).isEqualTo(204);

        await().atMost(PIPELINE).untilAsserted(() ->
                assertThat(http(ApiCall.to("GET /products/{id}").with("id", id)).status()).isEqualTo(404));
    }

    @Test
    void the_category_tree_counts_products_in_each_subtree() {
        String clothing = createCategory("Clothing", null);
        String shoes = createCategory("Shoes", clothing);
        createCategory("Hats", clothing);
        http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), shoes)));
        String last = http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), clothing))).id();
        http(ApiCall.to("GET /products/{id}").with("id", last).query("minVersion", "1"));

        await().atMost(PIPELINE).untilAsserted(() -> {
            JsonNode roots = http(ApiCall.to("GET /categories")).json().get("categories");
            assertThat(roots).hasSize(1);
            assertThat(roots.get(0).get("name").asText()).isEqualTo("Clothing");
            assertThat(roots.get(0).get("productCount").asLong()).isEqualTo(2);
            assertThat(roots.get(0).get("children")).extracting(child -> child.get("name").asText()).containsExactly("Hats", "Shoes");
            assertThat(roots.get(0).at("/children/1/productCount").asLong()).isEqualTo(1);
        });
    }

    @Test
    void a_new_category_is_readable_where_its_location_points() {
        String clothing = createCategory("Clothing", null);
        ApiAnswer created = http(ApiCall.to("POST /categories").json("{\"name\": \"Shoes\", \"parentId\": \"" + clothing + "\"}"));
        createCategory("Boots", created.id());
        http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), created.id())));

        ApiAnswer category = http(ApiCall.to("GET " + created.header("Location").orElseThrow()).query("minVersion", "1"));

        assertThat(category.status()).isEqualTo(200);
        assertThat(category.header("Catalog-Stale")).isEmpty();
        assertThat(category.json().get("name").asText()).isEqualTo("Shoes");
        assertThat(category.json().get("parentId").asText()).isEqualTo(clothing);
        assertThat(category.json().get("path")).extracting(node -> node.get("name").asText()).containsExactly("Clothing", "Shoes");
        await().atMost(PIPELINE).untilAsserted(() -> {
            JsonNode shoes = http(ApiCall.to("GET /categories/{id}").with("id", created.id())).json();
            assertThat(shoes.get("productCount").asLong()).isEqualTo(1);
            assertThat(shoes.get("children")).extracting(child -> child.get("name").asText()).containsExactly("Boots");
        });
        assertThat(stack.overHttp(ApiCall.to("GET /categories/{id}").with("id", created.id()).tenant(Tenants.fresh("other"))).status())
                .isEqualTo(404);
    }

    @Test
    void another_tenants_product_is_not_found() {
        String id = http(ApiCall.to("POST /products").json(productInCategory(uniqueSku(), createCategory("Shoes", null)))).id();
        http(ApiCall.to("GET /products/{id}").with("id", id).query("minVersion", "1"));

        ApiAnswer foreign = stack.overHttp(ApiCall.to("GET /products/{id}").with("id", id).tenant(Tenants.fresh("other")));

        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void bad_query_input_is_a_400_naming_the_parameter() {
        String id = "5b0c3b7e-1f7e-4c2a-9d3e-0a1b2c3d4e5f";
        assertThat(http(ApiCall.to("GET /products/{id}").with("id", id).query("minVersion", "-1")).json()
                .at("/errors/0/field").asText()).isEqualTo("minVersion");
        assertThat(http(ApiCall.to("GET /products/{id}").with("id", id).query("minversion", "1")).json()
                .at("/errors/0/field").asText()).isEqualTo("minversion");
        assertThat(http(ApiCall.to("GET /products/{id}").with("id", "nope")).status()).isEqualTo(400);
    }

    private String createCategory(String name, String parentId) {
        String body = parentId == null ? "{\"name\": \"" + name + "\"}" : "{\"name\": \"" + name + "\", \"parentId\": \"" + parentId + "\"}";
        return http(ApiCall.to("POST /categories").json(body)).id();
    }

    private ApiAnswer http(ApiCall call) {
        return stack.overHttp(call.tenant(tenant));
    }
}
