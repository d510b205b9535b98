package dev.catalog.projection.batch;

import static dev.catalog.search.testing.TestCatalog.batch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.domain.inventory.InventoryEvent;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.search.testing.TestCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewestPerAggregateTest {

    private final TestCatalog acme = new TestCatalog("acme");
    private final TestCatalog globex = new TestCatalog("globex");

    @Test
    void keeps_the_newest_event_of_each_aggregate_whatever_the_order_they_come_in() {
        ProductEvent created = acme.product("RUN-1", "Trail runner").create();
        ProductEvent renamed = acme.rename(created.product().id(), "Trail runner II");
        ProductEvent repriced = acme.changePrice(created.product().id(), "99.00");
        ProductEvent other = acme.product("RUN-2", "Road runner").create();

        List<LoggedEvent> newest = NewestPerAggregate.of(batch(created, repriced, other, renamed));

        assertThat(newest).extracting(LoggedEvent::event).containsExactly(repriced, other);
    }

    @Test
    void a_product_and_its_inventory_are_different_aggregates_and_tenants_never_merge() {
        ProductEvent created = acme.product("RUN-1", "Trail runner").create();
        InventoryEvent stocked = acme.setStock(created.product().id(), "berlin", 3);
        InventoryEvent restocked = acme.setStock(created.product().id(), "berlin", 5);
        ProductEvent elsewhere = globex.product("RUN-1", "Trail runner").create();

        List<LoggedEvent> newest = NewestPerAggregate.of(batch(created, stocked, restocked, elsewhere));

        assertThat(newest).extracting(LoggedEvent::event).containsExactly(created, restocked, elsewhere);
    }
}
