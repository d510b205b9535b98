package dev.catalog.domain.product;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.domain.shared.RejectionCode;
import java.util.List;
import java.util.function.Function;

/** Given these events, when this command, then these events (or this rejection). */
final class ProductScenario {

    private final Product product;
    private Decision<ProductEvent> decision;

    private ProductScenario(Product product) {
        this.product = product;
    }

    static ProductScenario given(ProductCreated created, ProductEvent... history) {
        Product product = Product.from(created.product());
        for (ProductEvent event : history) {
            product = product.apply(event);
        }
        return new ProductScenario(product);
    }

    ProductScenario when(Function<Product, Decision<ProductEvent>> command) {
        this.decision = command.apply(product);
        return this;
    }

    /** The single event recorded, of the expected type, checked to be the next version of the product. */
    <E extends ProductEvent> E thenRecorded(Class<E> type) {
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        List<ProductEvent> events = ((Decision.Accepted<ProductEvent>) decision).events();
        assertThat(events).hasSize(1).first().isInstanceOf(type);
        E event = type.cast(events.getFirst());
        assertThat(event.aggregateVersion()).isEqualTo(product.version() + 1);
        assertThat(event.product().id()).isEqualTo(product.state().id());
        return event;
    }

    void thenNothingRecorded() {
        assertThat(decision).isEqualTo(Decision.unchanged());
    }

    Rejection thenRejectedWith(RejectionCode code) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        Rejection rejection = ((Decision.Rejected<ProductEvent>) decision).rejection();
        assertThat(rejection.code()).isEqualTo(code);
        return rejection;
    }
}
