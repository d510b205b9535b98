package dev.catalog.local.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.within;

import dev.catalog.domain.category.CategoryName;
import dev.catalog.domain.inventory.WarehouseCode;
import dev.catalog.domain.product.Attributes;
import dev.catalog.domain.product.Brand;
import dev.catalog.domain.product.Description;
import dev.catalog.domain.product.Price;
import dev.catalog.domain.product.ProductName;
import dev.catalog.domain.product.Sku;
import dev.catalog.domain.shared.TenantId;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CatalogGeneratorTest {

    private static final Vocabulary VOCABULARY = Vocabulary.standard();

    @Test
    void the_same_seed_gives_the_same_catalog() {
        CatalogGenerator first = generator(7, 3000, 3);
        CatalogGenerator again = generator(7, 3000, 3);

        assertThat(again.tenants()).isEqualTo(first.tenants());
        assertThat(again.order()).isEqualTo(first.order());
        for (int i = 0; i < 500; i++) {
            assertThat(again.product(1, i)).isEqualTo(first.product(1, i));
        }
    }

    @Test
    void another_seed_gives_another_catalog_with_other_skus() {
        List<ProductSeed> one = products(generator(7, 1000, 1), 0, 200);
        List<ProductSeed> other = products(generator(8, 1000, 1), 0, 200);

        assertThat(other).isNotEqualTo(one);
        Set<String> skus = one.stream().map(ProductSeed::sku).collect(Collectors.toSet());
        assertThat(other).noneMatch(product -> skus.contains(product.sku()));
    }

    @Test
    void a_product_is_the_same_in_a_larger_plan() {
        CatalogGenerator small = generator(11, 1_000, 2);
        CatalogGenerator large = generator(11, 50_000, 2);

        for (int i = 0; i < 300; i++) {
            assertThat(large.product(0, i)).isEqualTo(small.product(0, i));
        }
        assertThat(large.tenants().getFirst().categories()).isEqualTo(small.tenants().getFirst().categories());
    }

    @Test
    void every_generated_value_is_one_the_model_accepts() {
        CatalogGenerator generator = generator(3, 6000, 6);
        for (TenantSeed tenant : generator.tenants()) {
            assertThatCode(() -> new TenantId(tenant.tenant())).doesNotThrowAnyException();
            tenant.categories().forEach(category -> assertThatCode(() -> new CategoryName(category.name())).doesNotThrowAnyException());
            tenant.warehouses().forEach(warehouse -> assertThatCode(() -> new WarehouseCode(warehouse)).doesNotThrowAnyException());
            for (ProductSeed product : products(generator, tenant.index(), tenant.products())) {
                assertThatCode(() -> {
                    new Sku(product.sku());
                    new ProductName(product.name());
                    new Description(product.description());
                    if (product.brand() != null) {
                        new Brand(product.brand());
                    }
                    Price.of(product.price(), product.currency());
                    Attributes.of(product.attributes());
                }).as(product.toString()).doesNotThrowAnyException();
                assertThat(product.stock().keySet()).isSubsetOf(tenant.warehouses());
                assertThat(product.stock().values()).allMatch(quantity -> quantity >= 0);
            }
        }
    }

    @Test
    void prices_have_exactly_the_minor_digits_of_the_shop_currency() {
        CatalogGenerator generator = generator(5, 6000, 6);
        Map<String, Integer> scales = new HashMap<>();
        for (TenantSeed tenant : generator.tenants()) {
            int digits = Currency.getInstance(tenant.currency()).getDefaultFractionDigits();
            scales.put(tenant.currency(), digits);
            assertThat(products(generator, tenant.index(), tenant.products()))
                    .allSatisfy(product -> {
                        assertThat(product.currency()).isEqualTo(tenant.currency());
                        assertThat(product.price().scale()).isEqualTo(digits);
                        assertThat(product.price()).isPositive();
                    });
        }
        assertThat(scales).containsEntry("EUR", 2).containsEntry("JPY", 0).containsEntry("BHD", 3);
    }

    @Test
    void skus_are_unique_within_each_tenant() {
        CatalogGenerator generator = generator(42, 40_000, 2);
        for (TenantSeed tenant : generator.tenants()) {
            List<ProductSeed> products = products(generator, tenant.index(), tenant.products());
            assertThat(products.stream().map(ProductSeed::sku).distinct().count()).isEqualTo(products.size());
        }
    }

    @Test
    void category_trees_have_a_few_roots_two_or_three_levels_and_parents_first() {
        for (TenantSeed tenant : generator(9, 100, 6).tenants()) {
            Set<String> seen = new HashSet<>();
            for (CategorySeed category : tenant.categories()) {
                assertThat(category.parentPath() == null || seen.contains(category.parentPath())).as(category.path()).isTrue();
                seen.add(category.path());
            }
            long roots = tenant.categories().stream().filter(category -> category.parentPath() == null).count();
            assertThat(roots).isEqualTo(tenant.index() == 0 ? VOCABULARY.departments().size() : CatalogGenerator.DEPARTMENTS_PER_TENANT);
            assertThat(tenant.categories()).allMatch(category -> category.depth() <= 3);
            assertThat(tenant.categories()).anyMatch(category -> category.depth() == 3);
            Map<String, List<String>> siblings = tenant.categories().stream().collect(Collectors.groupingBy(
                    category -> String.valueOf(category.parentPath()), Collectors.mapping(category -> category.name().toLowerCase(), Collectors.toList())));
            siblings.values().forEach(names -> assertThat(names).doesNotHaveDuplicates());
        }
    }

    @Test
    void products_are_filed_in_leaf_categories_of_their_tenant() {
        CatalogGenerator generator = generator(13, 2000, 2);
        for (TenantSeed tenant : generator.tenants()) {
            Set<String> parents = tenant.categories().stream().map(CategorySeed::parentPath).collect(Collectors.toSet());
            Set<String> paths = tenant.categories().stream().map(CategorySeed::path).collect(Collectors.toSet());
            List<ProductSeed> products = products(generator, tenant.index(), tenant.products());
            assertThat(products).filteredOn(product -> product.categoryPath() != null)
                    .allMatch(product -> paths.contains(product.categoryPath()) && !parents.contains(product.categoryPath()));
            assertThat(products).anyMatch(product -> product.categoryPath() == null);
        }
    }

    @Test
    void tenants_get_catalogs_of_different_sizes_and_the_order_visits_each_product_once() {
        CatalogGenerator generator = generator(1, 10_001, 3);

        List<Integer> sizes = generator.tenants().stream().map(TenantSeed::products).toList();
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10_001);
        assertThat(sizes).isSortedAccordingTo((a, b) -> b - a);
        assertThat(sizes.get(0)).isGreaterThan(sizes.get(2) * 2);
        List<CatalogGenerator.ProductRef> order = generator.order();
        assertThat(order).hasSize(10_001).doesNotHaveDuplicates();
        // Interleaved: the first tenth of the order holds about a tenth of every tenant's catalog.
        Map<Integer, Long> early = order.subList(0, 1000).stream().collect(Collectors.groupingBy(CatalogGenerator.ProductRef::tenant, Collectors.counting()));
        for (TenantSeed tenant : generator.tenants()) {
            assertThat(early.get(tenant.index()).doubleValue()).isCloseTo(tenant.products() / 10.0, within(2.0));
        }
    }

    @Test
    void statuses_stock_brands_and_categories_are_mixed_as_planned() {
        CatalogGenerator generator = generator(21, 20_000, 1);
        List<ProductSeed> products = products(generator, 0, 20_000);

        assertThat(share(products, product -> product.status() == ProductSeed.Status.DRAFT)).isCloseTo(CatalogGenerator.DRAFT, within(0.01));
        assertThat(share(products, product -> product.status() == ProductSeed.Status.DISCONTINUED)).isCloseTo(CatalogGenerator.DISCONTINUED, within(0.01));
        assertThat(share(products, product -> product.stock().isEmpty())).isCloseTo(CatalogGenerator.NEVER_STOCKED, within(0.01));
        assertThat(share(products, product -> !product.stock().isEmpty() && product.stockTotal() == 0)).isCloseTo(CatalogGenerator.OUT_OF_STOCK, within(0.01));
        assertThat(share(products, product -> product.brand() == null)).isCloseTo(CatalogGenerator.UNBRANDED, within(0.005));
        assertThat(share(products, product -> product.categoryPath() == null)).isCloseTo(CatalogGenerator.UNCATEGORIZED, within(0.005));
    }

    @Test
    void facets_of_one_tenant_fit_what_a_search_answers_in_full() {
        // Search returns at most 100 brands and 500 attribute values per facet: a seeded tenant stays well within,
        // so facet counts can be compared with the write model exactly.
        CatalogGenerator generator = generator(4, 20_000, 1);
        List<ProductSeed> products = products(generator, 0, 20_000);

        assertThat(products.stream().map(ProductSeed::brand).distinct().count()).isLessThan(100);
        assertThat(products.stream().flatMap(product -> product.attributes().entrySet().stream()).distinct().count()).isLessThan(500);
    }

    @Test
    void the_largest_tenant_has_names_for_every_search_demo() {
        CatalogGenerator generator = generator(42, 6_000, 3);
        List<String> names = products(generator, 0, generator.tenants().getFirst().products()).stream()
                .map(ProductSeed::name).toList();

        assertThat(names).anyMatch(name -> name.contains("Running Shoe"));
        assertThat(names).anyMatch(name -> name.contains("Crème"));
        assertThat(names).anyMatch(name -> name.contains("Headphones"));
        assertThat(names).anyMatch(name -> name.contains("Café"));
    }

    @Test
    void amounts_round_the_way_shops_price() {
        Vocabulary.ProductType type = new Vocabulary.ProductType("Thing", List.of(new BigDecimal("80"), new BigDecimal("80")));
        SplittableRandom random = new SplittableRandom(1);
        Vocabulary.Shop yen = new Vocabulary.Shop("t", "JPY", new BigDecimal("160"), List.of("TYO-1"));
        Vocabulary.Shop dinar = new Vocabulary.Shop("t", "BHD", new BigDecimal("0.41"), List.of("BAH-1"));

        assertThat(CatalogGenerator.price(random, type, yen)).isIn(new BigDecimal("12800"), new BigDecimal("12780"));
        assertThat(CatalogGenerator.price(random, type, dinar)).isEqualByComparingTo("32.800");
    }

    private static CatalogGenerator generator(long seed, int products, int tenants) {
        return new CatalogGenerator(VOCABULARY, SeedPlan.ofShops(VOCABULARY, seed, products, tenants));
    }

    private static List<ProductSeed> products(CatalogGenerator generator, int tenant, int count) {
        return IntStream.range(0, count).mapToObj(i -> generator.product(tenant, i)).toList();
    }

    private static double share(List<ProductSeed> products, Predicate<ProductSeed> which) {
        return products.stream().filter(which).count() / (double) products.size();
    }

}
