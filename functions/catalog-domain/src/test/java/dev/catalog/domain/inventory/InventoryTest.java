package dev.catalog.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.InvalidValueException;
import dev.catalog.domain.shared.RejectionCode;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InventoryTest {

    private static final TenantId TENANT = new TenantId("acme");
    private static final ProductId PRODUCT = new ProductId(UUID.fromString("11111111-1111-4111-8111-111111111111"));
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final WarehouseCode BERLIN = new WarehouseCode("BER-1");
    private static final WarehouseCode LYON = new WarehouseCode("LYS-2");

    @Test
    void the_first_stock_count_starts_the_inventory_at_version_1() {
        StockLevelChanged changed = recorded(Inventory.none(TENANT, PRODUCT).setStock(BERLIN, new Quantity(12), NOW));

        assertThat(changed.aggregateVersion()).isEqualTo(1);
        assertThat(changed.quantity()).isEqualTo(new Quantity(12));
        assertThat(changed.previousQuantity()).isEqualTo(Quantity.ZERO);
        assertThat(changed.aggregateId()).isEqualTo(PRODUCT.toString());
    }

    @Test
    void each_event_carries_every_warehouse_and_the_total() {
        Inventory inventory = Inventory.none(TENANT, PRODUCT);
        inventory = inventory.apply(recorded(inventory.setStock(BERLIN, new Quantity(12), NOW)));

        StockLevelChanged changed = recorded(inventory.setStock(LYON, new Quantity(5), NOW));

        assertThat(changed.inventory().levels()).containsEntry(BERLIN, new Quantity(12)).containsEntry(LYON, new Quantity(5));
        assertThat(changed.inventory().total()).isEqualTo(17);
        assertThat(changed.aggregateVersion()).isEqualTo(2);
    }

    @Test
    void a_recount_to_the_same_quantity_records_nothing() {
        Inventory inventory = Inventory.none(TENANT, PRODUCT);
        inventory = inventory.apply(recorded(inventory.setStock(BERLIN, new Quantity(12), NOW)));

        assertThat(inventory.setStock(BERLIN, new Quantity(12), NOW)).isEqualTo(Decision.unchanged());
    }

    @Test
    void setting_zero_in_a_new_warehouse_is_recorded() {
        StockLevelChanged changed = recorded(Inventory.none(TENANT, PRODUCT).setStock(BERLIN, Quantity.ZERO, NOW));

        assertThat(changed.inventory().levels()).containsKey(BERLIN);
    }

    @Test
    void a_stock_quantity_is_never_negative() {
        assertThatThrownBy(() -> new Quantity(-1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.QUANTITY_NEGATIVE));
    }

    @Test
    void a_stock_quantity_is_bounded() {
        assertThatThrownBy(() -> new Quantity(Quantity.MAX + 1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.QUANTITY_TOO_LARGE));
    }

    @Test
    void a_warehouse_code_is_an_identifier() {
        assertThatThrownBy(() -> new WarehouseCode("../etc"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(RejectionCode.WAREHOUSE_INVALID));
    }

    private static StockLevelChanged recorded(Decision<InventoryEvent> decision) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return (StockLevelChanged) ((Decision.Accepted<InventoryEvent>) decision).events().getFirst();
    }
}
