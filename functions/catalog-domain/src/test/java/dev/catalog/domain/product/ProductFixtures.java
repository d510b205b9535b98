package dev.catalog.domain.product;

import dev.catalog.domain.category.CategoryId;
import dev.catalog.domain.category.CategoryTree;
import dev.catalog.domain.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Small factories for product tests: a valid product unless told otherwise. */
final class ProductFixtures {

    static final TenantId TENANT = new TenantId("acme");
    static final Instant CREATED_AT = Instant.parse("2026-03-01T10:00:00Z");
    static final Instant LATER = Instant.parse("2026-03-02T10:00:00Z");
    static final CategoryId SHOES = new CategoryId(UUID.fromString("00000000-0000-0000-0000-00000000005e"));
    static final CategoryId BOOTS = new CategoryId(UUID.fromString("00000000-0000-0000-0000-0000000000b0"));

    private ProductFixtures() {
    }

    static Price price(String amount, String currency) {
        return Price.of(new BigDecimal(amount), currency);
    }

    /** A tree holding exactly the given categories, each a root. */
    static CategoryTree categories(CategoryId... ids) {
        Set<CategoryId> known = Set.of(ids);
        return CategoryTree.ofPaths(id -> known.contains(id) ? Optional.of(List.of(id)) : Optional.empty());
    }

    static NewProductBuilder aNewProduct() {
        return new NewProductBuilder();
    }

    static final class NewProductBuilder {
        private ProductId id = new ProductId(UUID.fromString("11111111-1111-4111-8111-111111111111"));
        private String sku = "RUN-SHOE-42";
        private String name = "Trail Running Shoe";
        private String brand = "Stride";
        private CategoryId category = SHOES;
        private Price price = price("89.90", "EUR");
        private Map<String, String> attributes = Map.of("color", "blue");
        private ProductStatus status = ProductStatus.DRAFT;

        NewProductBuilder withStatus(ProductStatus status) {
            this.status = status;
            return this;
        }

        NewProductBuilder inCategory(CategoryId category) {
            this.category = category;
            return this;
        }

        NewProductBuilder withPrice(String amount, String currency) {
            this.price = price(amount, currency);
            return this;
        }

        NewProduct build() {
            return new NewProduct(id, new Sku(sku), null, new ProductName(name), new Description("Light and grippy."),
                    new Brand(brand), category, price, Attributes.of(attributes), status);
        }

        /** The event that records this product's creation at {@link #CREATED_AT}. */
        ProductCreated created() {
            var decision = Product.create(TENANT, build(), categories(SHOES, BOOTS), CREATED_AT);
            return (ProductCreated) ((dev.catalog.domain.shared.Decision.Accepted<ProductEvent>) decision).events().getFirst();
        }
    }
}
