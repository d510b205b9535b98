package dev.catalog.command.inventory;

import static dev.catalog.command.testing.CommandFunctions.API;
import static dev.catalog.command.testing.CommandFunctions.call;
import static dev.catalog.command.testing.CommandFunctions.events;
import static dev.catalog.command.testing.CommandFunctions.newTenant;
import static dev.catalog.command.testing.CommandFunctions.query;
import static dev.catalog.command.testing.CommandFunctions.writeModel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.command.product.CreateProductFunction;
import dev.catalog.command.testing.Answer;
import dev.catalog.command.testing.SampleRequest;
import dev.catalog.domain.shared.TenantId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Setting stock, fed the sample event from events/, on a real PostgreSQL. */
class SetStockFunctionTest {

    private final SetStockFunction setStock = new SetStockFunction(API.inventory());
    private final TenantId tenant = newTenant();
    private String product;

    @BeforeEach
    void aProduct() {
        product = call(new CreateProductFunction(API.products(), API.ids()), SampleRequest.of("CreateProductFunction").tenant(tenant)).id();
    }

    @Test
    void the_sample_sets_a_warehouses_stock_and_answers_the_level_and_the_inventory_version() {
        Answer set = call(setStock, sample());

        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().toString())
                .isEqualTo("{\"productId\":\"" + product + "\",\"warehouse\":\"BER-1\",\"quantity\":12,\"version\":1}");
        assertThat(query("select warehouse || '=' || quantity from stock_level where tenant_id = ?", tenant.value()))
                .containsExactly("BER-1=12");
        assertThat(events(tenant, product)).containsExactly("ProductCreated v1", "StockLevelChanged v1");
    }

    @Test
    void stock_set_again_to_the_same_level_answers_the_same_version_and_appends_nothing() {
        call(setStock, sample());
        List<String> before = writeModel(tenant);

        Answer again = call(setStock, sample());

        assertThat(again.version()).isEqualTo(1);
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void stock_is_set_with_if_match_at_the_inventorys_version_and_refused_at_a_stale_one() {
        call(setStock, sample());

        Answer current = call(setStock, sample().ifMatch(1).body("{\"quantity\": 7}"));
        List<String> before = writeModel(tenant);
        Answer stale = call(setStock, sample().ifMatch(1).body("{\"quantity\": 3}"));

        assertThat(current.version()).isEqualTo(2);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void stock_of_a_product_that_does_not_exist_is_a_404_and_writes_nothing() {
        List<String> before = writeModel(tenant);

        Answer missing = call(setStock, SampleRequest.of("SetStockFunction").tenant(tenant).id(UUID.randomUUID()));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(writeModel(tenant)).isEqualTo(before);
    }

    @Test
    void a_negative_quantity_is_a_422_naming_the_quantity() {
        Answer refused = call(setStock, sample().body("{\"quantity\": -1}"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.fields()).containsExactly("quantity");
        assertThat(events(tenant, product)).containsExactly("ProductCreated v1");
    }

    private SampleRequest sample() {
        return SampleRequest.of("SetStockFunction").tenant(tenant).id(product);
    }
}
