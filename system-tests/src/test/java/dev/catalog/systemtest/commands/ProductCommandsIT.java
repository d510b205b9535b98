package dev.catalog.systemtest.commands;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.services.postgres.WriteModelRows;
import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Tenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every product route through its handler, on API Gateway event JSON, against the real database. */
class ProductCommandsIT {

    private final CatalogStack stack = CatalogStack.get();
    private String tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Tenants.fresh("products");
    }

    @Test
    void creating_a_product_answers_201_and_appends_one_event_in_the_same_transaction() {
        String sku = uniqueSku();

        ApiAnswer created = create(sku);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue("/products/" + created.id());
        assertThat(created.header("ETag")).hasValue("\"1\"");
        assertThat(created.header("Content-Type")).hasValue("application/json");
        assertThat(created.version()).isEqualTo(1);
        assertThat(stack.db().count("select count(*) from product where tenant_id = ? and sku = ?", tenant, sku)).isOne();

        Map<String, Object> event = stack.db().row("""
                select event_type, schema_version, aggregate_type, aggregate_id, aggregate_version, event_key, correlation_id,
                       payload->'product'->'price'->>'amount' as amount, payload->'product'->>'sku' as sku
                  from outbox where tenant_id = ? and aggregate_id = ?
                """, tenant, created.id());
        assertThat(event).containsEntry("event_type", "ProductCreated").containsEntry("schema_version", 2)
                .containsEntry("aggregate_type", "product").containsEntry("aggregate_version", 1L)
                .containsEntry("event_key", tenant + ":" + created.id())
                .containsEntry("amount", "89.90").containsEntry("sku", sku);
        // The product row's xmin is the transaction that wrote it; the outbox row records its writer as xid8.
        assertThat(stack.db().count("""
                select count(*) from outbox o join product p on p.tenant_id = o.tenant_id and p.id = o.aggregate_id::uuid
                 where o.aggregate_id = ? and (o.transaction_id::text::numeric % 4294967296)::text = p.xmin::text
                """, created.id())).as("product and event written by one transaction").isOne();
        assertThat(event.get("correlation_id")).isNotNull();
    }

    @Test
    void the_correlation_id_a_client_sends_is_carried_into_the_event_and_answered_back() {
        ApiAnswer created = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(tenant)
                .header("X-Correlation-Id", "order-sync-7f3a").json(product(uniqueSku())));

        assertThat(created.header("X-Correlation-Id")).hasValue("order-sync-7f3a");
        assertThat(stack.db().text("select correlation_id from outbox where tenant_id = ?", tenant)).isEqualTo("order-sync-7f3a");
    }

    @Test
    void every_change_of_a_product_answers_its_new_version_and_appends_its_event() {
        String id = create(uniqueSku()).id();

        ApiAnswer revised = stack.call("UpdateProductFunction", ApiCall.to("PATCH /products/{id}").with("id", id).tenant(tenant)
                .ifMatch(1).json("{\"name\": \"Trail Runner\", \"brand\": null, \"attributes\": {\"color\": \"red\", \"size\": \"43\"}}"));
        ApiAnswer repriced = stack.call("ChangeProductPriceFunction", ApiCall.to("PUT /products/{id}/price").with("id", id)
                .tenant(tenant).ifMatch(2).json("{\"amount\": 79.9, \"currency\": \"EUR\"}"));
        ApiAnswer activated = stack.call("ActivateProductFunction", ApiCall.to("POST /products/{id}/activate").with("id", id)
                .tenant(tenant).ifMatch(3));
        ApiAnswer discontinued = stack.call("DiscontinueProductFunction", ApiCall.to("POST /products/{id}/discontinue")
                .with("id", id).tenant(tenant).ifMatch(4));

        assertThat(List.of(revised, repriced, activated, discontinued)).extracting(ApiAnswer::status).containsOnly(200);
        assertThat(List.of(revised, repriced, activated, discontinued)).extracting(ApiAnswer::version).containsExactly(2L, 3L, 4L, 5L);
        assertThat(discontinued.header("ETag")).hasValue("\"5\"");
        Map<String, Object> row = stack.db().row("select name, brand, price_amount::text as price, status, attributes::text as attributes, version from product where id = ?::uuid", id);
        assertThat(row).containsEntry("name", "Trail Runner").containsEntry("price", "79.9000")
                .containsEntry("status", "DISCONTINUED").containsEntry("version", 5L);
        assertThat(row.get("brand")).isNull();
        assertThat(stack.db().texts("select event_type from outbox where aggregate_id = ? order by sequence", id))
                .containsExactly("ProductCreated", "ProductDetailsChanged", "ProductPriceChanged", "ProductActivated", "ProductDiscontinued");
        JsonNode changed = stack.db().json("select payload from outbox where aggregate_id = ? and event_type = 'ProductDetailsChanged'", id);
        assertThat(changed.get("changed")).extracting(JsonNode::asText).containsExactly("name", "brand", "attributes");
    }

    @Test
    void setting_stock_answers_the_level_and_the_inventory_version() {
        String id = create(uniqueSku()).id();

        ApiAnswer first = setStock(id, "BER-1", 12);
        ApiAnswer second = setStock(id, "LYS-2", 5);
        ApiAnswer recount = setStock(id, "BER-1", 12);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().toString()).isEqualTo("{\"productId\":\"" + id + "\",\"warehouse\":\"BER-1\",\"quantity\":12,\"version\":1}");
        assertThat(second.json().get("version").asLong()).isEqualTo(2);
        assertThat(recount.json().get("version").asLong()).as("an unchanged count records nothing").isEqualTo(2);
        JsonNode event = stack.db().json("select payload from outbox where aggregate_type = 'inventory' and aggregate_id = ? and aggregate_version = 2", id);
        assertThat(event.at("/inventory/levels").toString()).isEqualTo("{\"BER-1\":12,\"LYS-2\":5}");
        assertThat(event.get("previousQuantity").asLong()).isZero();
    }

    @Test
    void deleting_a_product_answers_204_removes_it_with_its_stock_and_records_the_deletion() {
        String id = create(uniqueSku()).id();
        setStock(id, "BER-1", 3);

        ApiAnswer deleted = stack.call("DeleteProductFunction", ApiCall.to("DELETE /products/{id}").with("id", id).tenant(tenant).ifMatch(1));

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.body()).isNull();
        assertThat(stack.db().count("select count(*) from product where id = ?::uuid", id)).isZero();
        assertThat(stack.db().count("select count(*) from stock_level where product_id = ?::uuid", id)).isZero();
        assertThat(stack.db().text("select event_type from outbox where aggregate_id = ? and aggregate_type = 'product' order by sequence desc limit 1", id))
                .isEqualTo("ProductDeleted");
        assertThat(setStock(id, "BER-1", 1).status()).as("no stock for a deleted product").isEqualTo(404);
    }

    @Test
    void a_stale_if_match_answers_412_and_changes_nothing() {
        String id = create(uniqueSku()).id();
        rename(id, 1, "First");
        List<String> before = writeModel();

        ApiAnswer stale = rename(id, 1, "Second");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version_mismatch");
        assertThat(stale.header("Content-Type")).hasValue("application/problem+json");
        assertThat(writeModel()).isEqualTo(before);
    }

    @Test
    void a_change_without_if_match_answers_428() {
        String id = create(uniqueSku()).id();

        ApiAnswer answer = stack.call("ChangeProductPriceFunction", ApiCall.to("PUT /products/{id}/price").with("id", id)
                .tenant(tenant).json("{\"amount\": \"1.00\", \"currency\": \"EUR\"}"));

        assertThat(answer.status()).isEqualTo(428);
        assertThat(answer.code()).isEqualTo("if_match_required");
    }

    @Test
    void stock_may_be_set_without_if_match_but_a_stale_one_is_refused() {
        String id = create(uniqueSku()).id();
        setStock(id, "BER-1", 1);

        ApiAnswer stale = stack.call("SetStockFunction", ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id)
                .with("warehouse", "BER-1").tenant(tenant).ifMatch(7).json("{\"quantity\": 2}"));

        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void the_same_idempotency_key_and_body_replays_the_first_answer_and_changes_nothing() {
        String sku = uniqueSku();
        ApiCall call = ApiCall.to("POST /products").tenant(tenant).idempotencyKey("create-" + sku).json(product(sku));

        ApiAnswer first = stack.call("CreateProductFunction", call);
        List<String> before = writeModel();
        ApiAnswer again = stack.call("CreateProductFunction", call);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(writeModel()).isEqualTo(before);
    }

    @Test
    void the_same_idempotency_key_with_another_body_answers_422() {
        ApiAnswer first = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(tenant).idempotencyKey("k-1").json(product(uniqueSku())));
        List<String> before = writeModel();
        ApiAnswer reused = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(tenant).idempotencyKey("k-1").json(product(uniqueSku())));

        assertThat(first.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(writeModel()).isEqualTo(before);
    }

    @Test
    void idempotency_keys_belong_to_their_tenant() {
        String sku = uniqueSku();
        String other = Tenants.fresh("other");

        ApiAnswer mine = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(tenant).idempotencyKey("shared").json(product(sku)));
        ApiAnswer theirs = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(other).idempotencyKey("shared").json(product(sku)));

        assertThat(mine.status()).isEqualTo(201);
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
        assertThat(theirs.id()).isNotEqualTo(mine.id());
    }

    @Test
    void a_refused_command_leaves_no_row_and_no_event_behind() {
        String sku = uniqueSku();
        create(sku);
        List<String> before = writeModel();

        ApiAnswer duplicate = create(sku);
        ApiAnswer discontinuedAtBirth = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(tenant)
                .json(product(uniqueSku()).replace("\"brand\"", "\"status\": \"DISCONTINUED\", \"brand\"")));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("duplicate_sku");
        assertThat(duplicate.json().at("/errors/0/field").asText()).isEqualTo("sku");
        assertThat(discontinuedAtBirth.status()).isEqualTo(422);
        assertThat(discontinuedAtBirth.code()).isEqualTo("invalid_status_transition");
        assertThat(writeModel()).isEqualTo(before);
    }

    @Test
    void the_rules_of_the_model_answer_422_with_their_codes() {
        String id = create(uniqueSku()).id();
        stack.call("DiscontinueProductFunction", ApiCall.to("POST /products/{id}/discontinue").with("id", id).tenant(tenant).ifMatch(1));

        ApiAnswer repriced = stack.call("ChangeProductPriceFunction", ApiCall.to("PUT /products/{id}/price").with("id", id)
                .tenant(tenant).ifMatch(2).json("{\"amount\": \"1.00\", \"currency\": \"EUR\"}"));
        ApiAnswer activated = stack.call("ActivateProductFunction", ApiCall.to("POST /products/{id}/activate").with("id", id)
                .tenant(tenant).ifMatch(2));
        ApiAnswer negative = setStock(id, "BER-1", -1);
        ApiAnswer unknownCategory = stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(tenant)
                .json(dev.catalog.systemtest.support.Bodies.productInCategory(uniqueSku(), "00000000-0000-4000-8000-000000000000")));

        assertThat(repriced.code()).isEqualTo("product_discontinued");
        assertThat(activated.code()).isEqualTo("invalid_status_transition");
        assertThat(negative.code()).isEqualTo("quantity_negative");
        assertThat(unknownCategory.code()).isEqualTo("category_not_found");
        assertThat(List.of(repriced, activated, negative, unknownCategory)).extracting(ApiAnswer::status).containsOnly(422);
    }

    @Test
    void another_tenants_product_does_not_exist_for_the_caller() {
        String id = create(uniqueSku()).id();
        String intruder = Tenants.fresh("intruder");

        ApiAnswer rename = stack.call("UpdateProductFunction", ApiCall.to("PATCH /products/{id}").with("id", id).tenant(intruder)
                .ifMatch(1).json("{\"name\": \"Mine now\"}"));
        ApiAnswer delete = stack.call("DeleteProductFunction", ApiCall.to("DELETE /products/{id}").with("id", id).tenant(intruder).ifMatch(1));
        ApiAnswer stock = stack.call("SetStockFunction", ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id)
                .with("warehouse", "BER-1").tenant(intruder).json("{\"quantity\": 0}"));

        assertThat(List.of(rename, delete, stock)).extracting(ApiAnswer::status).containsOnly(404);
        assertThat(rename.code()).isEqualTo("not_found");
        assertThat(stack.db().text("select name from product where id = ?::uuid", id)).isEqualTo("Trail Running Shoe");
    }

    @Test
    void a_token_without_a_tenant_claim_is_unauthorized() {
        ApiAnswer answer = stack.call("CreateProductFunction", ApiCall.to("POST /products").withoutTenant().json(product(uniqueSku())));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    /** Every row of the tenant in the write model, content and all. */
    private List<String> writeModel() {
        return WriteModelRows.of(stack.db().connection(), tenant);
    }

    private ApiAnswer create(String sku) {
        return stack.call("CreateProductFunction", ApiCall.to("POST /products").tenant(tenant).json(product(sku)));
    }

    private ApiAnswer rename(String id, long version, String name) {
        return stack.call("UpdateProductFunction", ApiCall.to("PATCH /products/{id}").with("id", id).tenant(tenant)
                .ifMatch(version).json("{\"name\": \"" + name + "\"}"));
    }

    private ApiAnswer setStock(String id, String warehouse, long quantity) {
        return stack.call("SetStockFunction", ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", id)
                .with("warehouse", warehouse).tenant(tenant).json("{\"quantity\": " + quantity + "}"));
    }
}
