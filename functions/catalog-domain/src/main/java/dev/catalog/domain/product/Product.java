package dev.catalog.domain.product;

import static dev.catalog.domain.shared.RejectionCode.CATEGORY_NOT_FOUND;
import static dev.catalog.domain.shared.RejectionCode.INVALID_STATUS_TRANSITION;
import static dev.catalog.domain.shared.RejectionCode.PRODUCT_DISCONTINUED;

import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryTree;
import dev.catalog.domain.shared.Aggregate;
import dev.catalog.domain.shared.Decision;
import dev.catalog.domain.shared.TenantId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The product aggregate. Each command method checks the rules that apply, then answers the events that
 * record the change, or the rejection; it never changes this object. The new state is in the events.
 */
public final class Product implements Aggregate {

    private final ProductState state;

    private Product(ProductState state) {
        this.state = Objects.requireNonNull(state, "state");
    }

    /** A product as storage holds it. */
    public static Product from(ProductState state) {
        return new Product(state);
    }

    public ProductState state() {
        return state;
    }

    @Override
    public long version() {
        return state.version();
    }

    /** This product once {@code event} has happened to it. */
    public Product apply(ProductEvent event) {
        if (!event.product().id().equals(state.id())) {
            throw new IllegalArgumentException("event of product " + event.product().id() + " applied to " + state.id());
        }
        return new Product(event.product());
    }

    public static Decision<ProductEvent> create(TenantId tenant, NewProduct command, CategoryTree categories, Instant now) {
        if (!mayStartAs(command.initialStatus())) {
            return Decision.rejected(INVALID_STATUS_TRANSITION, "status", "a new product starts as DRAFT or ACTIVE");
        }
        if (!categoryExistsInTenant(command.categoryId(), categories)) {
            return categoryNotFound(command.categoryId());
        }
        ProductState created = new ProductState(tenant, command.id(), command.sku(), command.gtin(), command.name(), command.description(),
                command.brand(), command.categoryId(), command.price(), command.initialStatus(), command.attributes(),
                1, now, now);
        return Decision.accepted(new ProductCreated(created));
    }

    public Decision<ProductEvent> revise(ProductRevision revision, CategoryTree categories, Instant now) {
        Gtin gtin = revision.gtin().applyTo(state.gtin());
        ProductName name = revision.name().applyTo(state.name());
        Description description = revision.description().applyTo(state.description());
        Brand brand = revision.brand().applyTo(state.brand());
        CategoryId category = revision.category().applyTo(state.categoryId());
        Attributes attributes = Objects.requireNonNullElse(revision.attributes().applyTo(state.attributes()), Attributes.NONE);

        Set<ProductDetail> changed = EnumSet.noneOf(ProductDetail.class);
        if (!Objects.equals(gtin, state.gtin())) {
            changed.add(ProductDetail.GTIN);
        }
        if (!name.equals(state.name())) {
            changed.add(ProductDetail.NAME);
        }
        if (!Objects.equals(description, state.description())) {
            changed.add(ProductDetail.DESCRIPTION);
        }
        if (!Objects.equals(brand, state.brand())) {
            changed.add(ProductDetail.BRAND);
        }
        if (!Objects.equals(category, state.categoryId())) {
            changed.add(ProductDetail.CATEGORY);
        }
        if (!attributes.equals(state.attributes())) {
            changed.add(ProductDetail.ATTRIBUTES);
        }
        if (changed.isEmpty()) {
            return Decision.unchanged();
        }
        if (changed.contains(ProductDetail.CATEGORY) && !categoryExistsInTenant(category, categories)) {
            return categoryNotFound(category);
        }
        ProductState revised = state.nextVersion(now).withDetails(gtin, name, description, brand, category, attributes);
        return Decision.accepted(new ProductDetailsChanged(revised, changed));
    }

    public Decision<ProductEvent> changePrice(Price price, Instant now) {
        if (!mayBeRepriced(state.status())) {
            return Decision.rejected(PRODUCT_DISCONTINUED, "price", "a discontinued product cannot be repriced");
        }
        if (price.equals(state.price())) {
            return Decision.unchanged();
        }
        return Decision.accepted(new ProductPriceChanged(state.nextVersion(now).withPrice(price), state.price()));
    }

    public Decision<ProductEvent> activate(Instant now) {
        if (!mayBeActivated(state.status())) {
            return Decision.rejected(INVALID_STATUS_TRANSITION, "status",
                    "only a DRAFT product can be activated; this one is " + state.status());
        }
        return Decision.accepted(new ProductActivated(state.nextVersion(now).withStatus(ProductStatus.ACTIVE)));
    }

    public Decision<ProductEvent> discontinue(Instant now) {
        if (!mayBeDiscontinued(state.status())) {
            return Decision.rejected(INVALID_STATUS_TRANSITION, "status", "the product is already DISCONTINUED");
        }
        return Decision.accepted(new ProductDiscontinued(state.nextVersion(now).withStatus(ProductStatus.DISCONTINUED), state.status()));
    }

    public Decision<ProductEvent> delete(Instant now) {
        return Decision.accepted(new ProductDeleted(state.nextVersion(now)));
    }

    // Rule: a new product starts as a draft, or directly on sale; never discontinued.
    private static boolean mayStartAs(ProductStatus initialStatus) {
        return initialStatus == ProductStatus.DRAFT || initialStatus == ProductStatus.ACTIVE;
    }

    // Rule: a product is filed only under a category that exists in its own tenant (or under none).
    private static boolean categoryExistsInTenant(CategoryId categoryId, CategoryTree categories) {
        return categoryId == null || categories.contains(categoryId);
    }

    // Rule: a discontinued product cannot be repriced.
    private static boolean mayBeRepriced(ProductStatus status) {
        return status != ProductStatus.DISCONTINUED;
    }

    // Rule: only a draft can be activated; an active product already is, a discontinued one is withdrawn for good.
    private static boolean mayBeActivated(ProductStatus status) {
        return status == ProductStatus.DRAFT;
    }

    // Rule: discontinuing is final, so it happens once.
    private static boolean mayBeDiscontinued(ProductStatus status) {
        return status != ProductStatus.DISCONTINUED;
    }

    private static Decision<ProductEvent> categoryNotFound(CategoryId categoryId) {
        return Decision.rejected(CATEGORY_NOT_FOUND, "categoryId", "category " + categoryId + " does not exist");
    }
}
