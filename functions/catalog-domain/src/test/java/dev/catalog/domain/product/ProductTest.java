package dev.catalog.domain.product;

import static dev.catalog.domain.product.ProductFixtures.BOOTS;
import static dev.catalog.domain.product.ProductFixtures.CREATED_AT;
import static dev.catalog.domain.product.ProductFixtures.LATER;
import static dev.catalog.domain.product.ProductFixtures.TENANT;
import static dev.catalog.domain.product.ProductFixtures.aNewProduct;
import static dev.catalog.domain.product.ProductFixtures.categories;
import static dev.catalog.domain.product.ProductFixtures.price;
import static dev.catalog.domain.product.ProductScenario.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.shared.Change;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.Rejection;
import dev.catalog.domain.shared.RejectionCode;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final ProductCreated DRAFT = aNewProduct().created();

    private static ProductActivated activated() {
        return (ProductActivated) ((Decision.Accepted<ProductEvent>) Product.from(DRAFT.product()).activate(CREATED_AT)).events().getFirst();
    }

    private static ProductDiscontinued discontinued(ProductEvent after) {
        return (ProductDiscontinued) ((Decision.Accepted<ProductEvent>) Product.from(after.product()).discontinue(CREATED_AT)).events().getFirst();
    }

    @Nested
    class Creating {

        @Test
        void a_new_product_starts_as_a_draft_at_version_1() {
            ProductState product = DRAFT.product();

            assertThat(product.status()).isEqualTo(ProductStatus.DRAFT);
            assertThat(product.version()).isEqualTo(1);
            assertThat(product.tenant()).isEqualTo(TENANT);
            assertThat(product.createdAt()).isEqualTo(CREATED_AT).isEqualTo(product.updatedAt());
        }

        @Test
        void a_new_product_may_start_on_sale() {
            var decision = Product.create(TENANT, aNewProduct().withStatus(ProductStatus.ACTIVE).build(), categories(ProductFixtures.SHOES), CREATED_AT);

            assertThat(((Decision.Accepted<ProductEvent>) decision).events().getFirst().product().status()).isEqualTo(ProductStatus.ACTIVE);
        }

        @Test
        void a_new_product_cannot_start_discontinued() {
            var decision = Product.create(TENANT, aNewProduct().withStatus(ProductStatus.DISCONTINUED).build(), categories(ProductFixtures.SHOES), CREATED_AT);

            assertThat(decision).isEqualTo(Decision.rejected(RejectionCode.INVALID_STATUS_TRANSITION, "status", "a new product starts as DRAFT or ACTIVE"));
        }

        @Test
        void a_product_is_filed_only_under_a_category_of_its_tenant() {
            CategoryId elsewhere = new CategoryId(UUID.randomUUID());

            var decision = Product.create(TENANT, aNewProduct().inCategory(elsewhere).build(), categories(ProductFixtures.SHOES), CREATED_AT);

            assertThat(decision).isInstanceOf(Decision.Rejected.class);
            Rejection rejection = ((Decision.Rejected<ProductEvent>) decision).rejection();
            assertThat(rejection).isEqualTo(new Rejection.RuleBroken(RejectionCode.CATEGORY_NOT_FOUND, "categoryId",
                    "category " + elsewhere + " does not exist"));
        }

        @Test
        void a_product_may_have_no_category() {
            var decision = Product.create(TENANT, aNewProduct().inCategory(null).build(), categories(), CREATED_AT);

            assertThat(decision).isInstanceOf(Decision.Accepted.class);
        }
    }

    @Nested
    class Revising {

        @Test
        void records_only_the_details_that_changed() {
            var revision = new ProductRevision(Change.setTo(new ProductName("Trail Runner")), Change.keep(),
                    Change.setTo(new Brand("Stride")), Change.setTo(BOOTS), Change.keep(), Change.keep());

            ProductDetailsChanged changed = given(DRAFT)
                    .when(product -> product.revise(revision, categories(ProductFixtures.SHOES, BOOTS), LATER))
                    .thenRecorded(ProductDetailsChanged.class);

            assertThat(changed.changed()).containsExactlyInAnyOrder(ProductDetail.NAME, ProductDetail.CATEGORY);
            assertThat(changed.product().name().value()).isEqualTo("Trail Runner");
            assertThat(changed.product().categoryId()).isEqualTo(BOOTS);
            assertThat(changed.product().updatedAt()).isEqualTo(LATER);
            assertThat(changed.product().createdAt()).isEqualTo(CREATED_AT);
        }

        @Test
        void clearing_optional_details_removes_them() {
            var revision = new ProductRevision(Change.keep(), Change.clear(), Change.clear(), Change.clear(), Change.clear(),
                    Change.clear());

            ProductDetailsChanged changed = given(DRAFT)
                    .when(product -> product.revise(revision, categories(), LATER))
                    .thenRecorded(ProductDetailsChanged.class);

            assertThat(changed.product().description()).isNull();
            assertThat(changed.product().brand()).isNull();
            assertThat(changed.product().categoryId()).isNull();
            assertThat(changed.product().attributes()).isEqualTo(Attributes.NONE);
        }

        @Test
        void a_revision_that_changes_nothing_records_nothing() {
            var revision = new ProductRevision(Change.setTo(DRAFT.product().name()), Change.keep(), Change.keep(),
                    Change.setTo(ProductFixtures.SHOES), Change.setTo(Attributes.of(Map.of("color", "blue"))), Change.keep());

            given(DRAFT).when(product -> product.revise(revision, categories(ProductFixtures.SHOES), LATER)).thenNothingRecorded();
        }

        @Test
        void a_gtin_is_set_kept_when_asked_again_and_cleared() {
            var set = new ProductRevision(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                    Change.setTo(new Gtin("4006381333931")));
            ProductDetailsChanged withGtin = given(DRAFT)
                    .when(product -> product.revise(set, categories(ProductFixtures.SHOES), LATER))
                    .thenRecorded(ProductDetailsChanged.class);
            assertThat(withGtin.changed()).containsExactly(ProductDetail.GTIN);
            assertThat(withGtin.product().gtin()).isEqualTo(new Gtin("4006381333931"));

            given(DRAFT, withGtin).when(product -> product.revise(set, categories(ProductFixtures.SHOES), LATER))
                    .thenNothingRecorded();
            var clear = new ProductRevision(Change.keep(), Change.keep(), Change.keep(), Change.keep(), Change.keep(),
                    Change.clear());
            assertThat(given(DRAFT, withGtin).when(product -> product.revise(clear, categories(ProductFixtures.SHOES), LATER))
                    .thenRecorded(ProductDetailsChanged.class).product().gtin()).isNull();
        }

        @Test
        void a_product_cannot_move_to_a_category_that_does_not_exist() {
            var revision = new ProductRevision(Change.keep(), Change.keep(), Change.keep(),
                    Change.setTo(new CategoryId(UUID.randomUUID())), Change.keep(), Change.keep());

            given(DRAFT).when(product -> product.revise(revision, categories(ProductFixtures.SHOES), LATER))
                    .thenRejectedWith(RejectionCode.CATEGORY_NOT_FOUND);
        }
    }

    @Nested
    class Pricing {

        @Test
        void reprices_and_remembers_the_previous_price() {
            ProductPriceChanged changed = given(DRAFT, activated())
                    .when(product -> product.changePrice(price("79.90", "EUR"), LATER))
                    .thenRecorded(ProductPriceChanged.class);

            assertThat(changed.product().price()).isEqualTo(price("79.90", "EUR"));
            assertThat(changed.previousPrice()).isEqualTo(price("89.90", "EUR"));
        }

        @Test
        void a_discontinued_product_cannot_be_repriced() {
            ProductActivated activated = activated();
            given(DRAFT, activated, discontinued(activated))
                    .when(product -> product.changePrice(price("79.90", "EUR"), LATER))
                    .thenRejectedWith(RejectionCode.PRODUCT_DISCONTINUED);
        }

        @Test
        void the_same_price_again_records_nothing() {
            given(DRAFT).when(product -> product.changePrice(price("89.9", "EUR"), LATER)).thenNothingRecorded();
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void a_draft_can_be_activated() {
            ProductActivated activated = given(DRAFT).when(product -> product.activate(LATER)).thenRecorded(ProductActivated.class);

            assertThat(activated.product().status()).isEqualTo(ProductStatus.ACTIVE);
        }

        @Test
        void an_active_product_cannot_be_activated_again() {
            given(DRAFT, activated()).when(product -> product.activate(LATER)).thenRejectedWith(RejectionCode.INVALID_STATUS_TRANSITION);
        }

        @Test
        void a_discontinued_product_cannot_be_activated() {
            ProductActivated activated = activated();
            given(DRAFT, activated, discontinued(activated)).when(product -> product.activate(LATER))
                    .thenRejectedWith(RejectionCode.INVALID_STATUS_TRANSITION);
        }

        @Test
        void an_active_product_can_be_discontinued_and_the_event_says_what_it_was() {
            ProductDiscontinued discontinued = given(DRAFT, activated()).when(product -> product.discontinue(LATER))
                    .thenRecorded(ProductDiscontinued.class);

            assertThat(discontinued.product().status()).isEqualTo(ProductStatus.DISCONTINUED);
            assertThat(discontinued.previousStatus()).isEqualTo(ProductStatus.ACTIVE);
        }

        @Test
        void a_draft_can_be_discontinued_without_ever_going_on_sale() {
            given(DRAFT).when(product -> product.discontinue(LATER)).thenRecorded(ProductDiscontinued.class);
        }

        @Test
        void discontinuing_happens_once() {
            ProductDiscontinued once = discontinued(DRAFT);
            given(DRAFT, once).when(product -> product.discontinue(LATER)).thenRejectedWith(RejectionCode.INVALID_STATUS_TRANSITION);
        }

        @Test
        void deleting_records_the_last_state_at_the_next_version() {
            ProductDeleted deleted = given(DRAFT).when(product -> product.delete(LATER)).thenRecorded(ProductDeleted.class);

            assertThat(deleted.product().sku()).isEqualTo(DRAFT.product().sku());
            assertThat(deleted.occurredAt()).isEqualTo(LATER);
        }
    }

    @Test
    void state_changes_only_by_applying_events() {
        Product product = Product.from(DRAFT.product());

        product.changePrice(price("10.00", "EUR"), LATER);

        assertThat(product.state()).isEqualTo(DRAFT.product());
        assertThat(product.apply(activated()).state().status()).isEqualTo(ProductStatus.ACTIVE);
    }

    @Test
    void a_details_change_names_at_least_one_detail() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new ProductDetailsChanged(DRAFT.product(), Set.of()));
    }
}
