package dev.catalog.command.product;

import static dev.catalog.command.testing.CommandFunctions.API;
import static dev.catalog.command.testing.CommandFunctions.call;
import static dev.catalog.command.testing.CommandFunctions.connection;
import static dev.catalog.command.testing.CommandFunctions.events;
import static dev.catalog.command.testing.CommandFunctions.newTenant;
import static dev.catalog.command.testing.CommandFunctions.query;
import static dev.catalog.command.testing.CommandFunctions.writeModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.command.testing.Answer;
import dev.catalog.command.testing.SampleRequest;
import dev.catalog.domain.shared.TenantId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The product functions, each fed its sample event from events/, on a real PostgreSQL. */
class ProductFunctionsTest {

    private static final String SHOE = """
            {"sku": "RUN-SHOE-42", "name": "Trail Running Shoe", "price": {"amount": "89.90", "currency": "EUR"}}""";

    private final CreateProductFunction create = new CreateProductFunction(API.products(), API.ids());
    private final UpdateProductFunction update = new UpdateProductFunction(API.products());
    private final ChangeProductPriceFunction changePrice = new ChangeProductPriceFunction(API.products());
    private final ActivateProductFunction activate = new ActivateProductFunction(API.products());
    private final DiscontinueProductFunction discontinue = new DiscontinueProductFunction(API.products());
    private final DeleteProductFunction delete = new DeleteProductFunction(API.products());
    private final TenantId tenant = newTenant();

    @Test
    void the_samples_play_a_products_life_from_creation_to_deletion() {
        Answer created = call(create, sample("CreateProductFunction"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/products/" + created.id());
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        String id = created.id();

        // Each sample's If-Match is the version the one before it leaves.
        assertThat(call(update, sample("UpdateProductFunction").id(id)).version()).isEqualTo(2);
        assertThat(call(changePrice, sample("ChangeProductPriceFunction").id(id)).version()).isEqualTo(3);
        assertThat(call(activate, sample("ActivateProductFunction").id(id)).version()).isEqualTo(4);
        assertThat(call(discontinue, sample("DiscontinueProductFunction").id(id)).version()).isEqualTo(5);
        assertThat(call(delete, sample("DeleteProductFunction").id(id)).status()).isEqualTo(204);

        assertThat(events(tenant, id)).containsExactly("ProductCreated v1", "ProductDetailsChanged v2",
                "ProductPriceChanged v3", "ProductActivated v4", "ProductDiscontinued v5", "ProductDeleted v6");
        assertThat(query("select count(*) from product where tenant_id = ?", tenant.value())).containsExactly("0");
    }

    @Test
    void a_product_is_stored_as_created_and_its_event_carries_the_requests_correlation_id() {
        Answer created = call(create, sample("CreateProductFunction").header("x-correlation-id", "order-7"));

        assertThat(query("select sku || ' ' || name || ' ' || price_amount || ' ' || price_currency || ' ' || status"
                + " from product where tenant_id = ?", tenant.value()))
                .containsExactly("RUN-SHOE-42 Trail Running Shoe 89.9000 EUR DRAFT");
        assertThat(query("select correlation_id from outbox where tenant_id = ? and aggregate_id = ?", tenant.value(), created.id()))
                .containsExactly("order-7");
        assertThat(created.header("X-Correlation-Id")).isEqualTo("order-7");
    }

    @Test
    void a_create_repeated_with_its_idempotency_key_replays_the_first_answer_and_writes_nothing() {
        Answer first = call(create, sample("CreateProductFunction"));
        List<String> before = writeModel(tenant);

        Answer again = call(create, sample("CreateProductFunction"));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void an_idempotency_key_reused_for_another_body_is_refused_and_writes_nothing() {
        call(create, sample("CreateProductFunction"));
        List<String> before = writeModel(tenant);

        Answer reused = call(create, sample("CreateProductFunction").body(SHOE.replace("RUN-SHOE-42", "RUN-SHOE-43")));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("idempotency_key_reused");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_second_product_with_a_taken_sku_is_a_conflict_and_writes_nothing() {
        call(create, sample("CreateProductFunction"));
        List<String> before = writeModel(tenant);

        Answer duplicate = call(create, sample("CreateProductFunction").idempotencyKey("another-key").body(SHOE));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("duplicate_sku");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_value_the_model_refuses_is_a_422_naming_the_field_and_writes_nothing() {
        Answer refused = call(create, sample("CreateProductFunction").body(SHOE.replace("89.90", "-1")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fields()).containsExactly("price");
        assertThat(writeModel(tenant)).isEmpty();
    }

    @Test
    void a_product_filed_in_a_category_the_tenant_does_not_have_is_refused() {
        Answer refused = call(create, sample("CreateProductFunction")
                .body(SHOE.replaceFirst("\\{", "{\"categoryId\": \"" + UUID.randomUUID() + "\", ")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("category_not_found");
        assertThat(writeModel(tenant)).isEmpty();
    }

    @Test
    void a_change_of_a_product_that_does_not_exist_is_a_404() {
        Answer missing = call(update, sample("UpdateProductFunction").id(UUID.randomUUID()));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("not_found");
    }

    @Test
    void another_tenants_product_does_not_exist_for_the_caller() {
        String id = call(create, sample("CreateProductFunction")).id();

        Answer elsewhere = call(update, SampleRequest.of("UpdateProductFunction").tenant(newTenant()).id(id));

        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(events(tenant, id)).containsExactly("ProductCreated v1");
    }

    @Test
    void a_change_decided_on_a_stale_version_is_a_412_and_writes_nothing() {
        String id = call(create, sample("CreateProductFunction")).id();
        List<String> before = writeModel(tenant);

        Answer stale = call(update, sample("UpdateProductFunction").id(id).ifMatch(7));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version_mismatch");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_change_without_if_match_is_a_428() {
        String id = call(create, sample("CreateProductFunction")).id();

        Answer unconditional = call(update, sample("UpdateProductFunction").id(id).withoutHeader("if-match"));

        assertThat(unconditional.status()).isEqualTo(428);
        assertThat(unconditional.code()).isEqualTo("if_match_required");
    }

    @Test
    void a_change_to_what_the_product_already_is_answers_its_version_and_appends_nothing() {
        String id = call(create, sample("CreateProductFunction")).id();
        List<String> before = writeModel(tenant);

        Answer unchanged = call(update, sample("UpdateProductFunction").id(id).body("{\"name\": \"Trail Running Shoe\"}"));

        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_discontinued_product_cannot_be_repriced() {
        String id = call(create, sample("CreateProductFunction")).id();
        call(discontinue, sample("DiscontinueProductFunction").id(id).ifMatch(1));
        List<String> before = writeModel(tenant);

        Answer refused = call(changePrice, sample("ChangeProductPriceFunction").id(id).ifMatch(2));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("product_discontinued");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void an_activation_repeated_with_its_idempotency_key_replays_instead_of_failing_on_the_new_status() {
        String id = call(create, sample("CreateProductFunction")).id();
        Answer first = call(activate, sample("ActivateProductFunction").id(id).ifMatch(1).idempotencyKey("activate-once"));
        List<String> before = writeModel(tenant);

        Answer again = call(activate, sample("ActivateProductFunction").id(id).ifMatch(1).idempotencyKey("activate-once"));

        assertThat(first.version()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_gtin_is_stored_as_written_and_travels_in_a_version_2_event() {
        Answer created = call(create, sample("CreateProductFunction").body(withGtin(SHOE, "036000291452")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(query("select gtin || ' ' || gtin_key from product where tenant_id = ?", tenant.value()))
                .containsExactly("036000291452 00036000291452");
        assertThat(query("select schema_version || ' ' || (payload -> 'product' ->> 'gtin') from outbox"
                + " where tenant_id = ? and aggregate_id = ?", tenant.value(), created.id()))
                .containsExactly("2 036000291452");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"1234567\"        | 422 | gtin_invalid",
            "\"123456789\"      | 422 | gtin_invalid",
            "\"400638133393A\"  | 422 | gtin_invalid",
            "\" 4006381333931\" | 422 | gtin_invalid",
            "\"\"               | 422 | gtin_invalid",
            "\"4006381333932\"  | 422 | gtin_check_digit",
            "\"036000291453\"   | 422 | gtin_check_digit",
            "4006381333931        | 400 | invalid_request",
            "[\"4006381333931\"] | 400 | invalid_request"})
    void a_bad_gtin_is_refused_naming_it_on_create_and_on_update_and_changes_nothing(String gtin, int status, String code) {
        String id = call(create, sample("CreateProductFunction").body(withGtin(SHOE, "4006381333931"))).id();
        List<String> before = writeModel(tenant);

        Answer created = call(create, sample("CreateProductFunction").idempotencyKey("bad-gtin")
                .body(withRawGtin(SHOE.replace("RUN-SHOE-42", "RUN-SHOE-43"), gtin)));
        Answer updated = call(update, sample("UpdateProductFunction").id(id).ifMatch(1).body("{\"gtin\": " + gtin + "}"));

        for (Answer refused : List.of(created, updated)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
            assertThat(refused.code()).isEqualTo(code);
            assertThat(refused.fields()).containsExactly("gtin");
        }
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_gtin_taken_in_any_written_form_is_a_conflict_on_create_and_on_update_and_changes_nothing() {
        call(create, sample("CreateProductFunction").body(withGtin(SHOE, "036000291452")));
        String other = call(create, sample("CreateProductFunction").idempotencyKey("other")
                .body(SHOE.replace("RUN-SHOE-42", "RUN-SHOE-43"))).id();
        List<String> before = writeModel(tenant);

        Answer created = call(create, sample("CreateProductFunction").idempotencyKey("third")
                .body(withGtin(SHOE.replace("RUN-SHOE-42", "RUN-SHOE-44"), "0036000291452")));
        Answer updated = call(update, sample("UpdateProductFunction").id(other).ifMatch(1)
                .body("{\"gtin\": \"036000291452\"}"));

        for (Answer conflict : List.of(created, updated)) {
            assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
            assertThat(conflict.code()).isEqualTo("duplicate_gtin");
            assertThat(conflict.fields()).containsExactly("gtin");
        }
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_gtin_can_be_set_changed_and_removed_and_another_tenant_may_use_it_too() {
        String id = call(create, sample("CreateProductFunction")).id();

        assertThat(call(update, sample("UpdateProductFunction").id(id).ifMatch(1).body("{\"gtin\": \"96385074\"}")).version()).isEqualTo(2);
        assertThat(call(update, sample("UpdateProductFunction").id(id).ifMatch(2).body("{\"gtin\": null}")).version()).isEqualTo(3);
        Answer elsewhere = call(create, SampleRequest.of("CreateProductFunction").tenant(newTenant()).body(withGtin(SHOE, "96385074")));

        assertThat(query("select coalesce(gtin, '-') from product where tenant_id = ?", tenant.value())).containsExactly("-");
        assertThat(query("select payload -> 'changed' ->> 0 from outbox where tenant_id = ? and aggregate_id = ?"
                + " and event_type = 'ProductDetailsChanged' order by sequence", tenant.value(), id)).containsExactly("gtin", "gtin");
        assertThat(elsewhere.status()).isEqualTo(201);
    }

    @Test
    void creates_racing_for_one_gtin_give_exactly_one_product() throws Exception {
        int racers = 8;
        List<Answer> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            List<Future<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                String body = withGtin(SHOE.replace("RUN-SHOE-42", "RACER-" + i), "5901234123457");
                calls.add(pool.submit(() -> call(create, sample("CreateProductFunction").idempotencyKey(UUID.randomUUID().toString()).body(body))));
            }
            answers = new ArrayList<>();
            for (Future<Answer> call : calls) {
                answers.add(call.get());
            }
        }

        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 201).extracting(Answer::code).containsOnly("duplicate_gtin")
                .hasSize(racers - 1);
        assertThat(query("select count(*) from product where tenant_id = ?", tenant.value())).containsExactly("1");
    }

    @Test
    void a_command_still_waiting_for_its_database_when_the_function_runs_out_of_time_answers_503_and_changes_nothing()
            throws SQLException {
        String id = call(create, sample("CreateProductFunction")).id();
        List<String> before = writeModel(tenant);

        Answer answer;
        // Another client holds the product's row: the update waits for it longer than the function has left (the
        // database's own lock_timeout, 5 s, would answer later than the function may).
        try (Connection other = connection()) {
            other.setAutoCommit(false);
            lock(other, "select id from product where tenant_id = ? and id = ? for update", tenant.value(), UUID.fromString(id));
            answer = call(update, sample("UpdateProductFunction").id(id), Duration.ofMillis(2_500));
            other.rollback();
        }

        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).isEqualTo("1");
        assertThat(answer.code()).isEqualTo("service_unavailable");
        assertThat(writeModel(tenant)).isEqualTo(before);
        assertThat(call(update, sample("UpdateProductFunction").id(id)).version()).as("the same command once the row is free")
                .isEqualTo(2);
    }

    private static void lock(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeQuery().close();
        }
    }

    private static String withGtin(String body, String gtin) {
        return withRawGtin(body, "\"" + gtin + "\"");
    }

    /** @param json the property's value as JSON: a string, a number, an array... */
    private static String withRawGtin(String body, String json) {
        return body.replaceFirst("\\{", "{\"gtin\": " + json.replace("$", "\\$") + ", ");
    }

    private SampleRequest sample(String function) {
        return SampleRequest.of(function).tenant(tenant);
    }
}
