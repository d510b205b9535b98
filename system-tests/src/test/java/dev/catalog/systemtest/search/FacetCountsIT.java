package dev.catalog.systemtest.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.catalog.local.client.CatalogClient;
import dev.catalog.local.seed.CatalogGenerator;
import dev.catalog.local.seed.CatalogSeeder;
import dev.catalog.local.seed.SeedPlan;
import dev.catalog.local.seed.SeedProgress;
import dev.catalog.local.seed.SeedReport;
import dev.catalog.local.seed.Vocabulary;
import dev.catalog.systemtest.support.CatalogStack;
import dev.catalog.systemtest.support.Database;
import dev.catalog.systemtest.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Facet counts through the whole pipeline against counts taken from the write model with SQL, on a generated catalog
 * of two tenants seeded through the command API ({@code ./catalog seed}'s generator and seeder), for combinations of
 * filters. The second tenant shares the index: any leak across tenants would show in the first one's counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetCountsIT {

    private static final int PRODUCTS = 2_000;
    /** Seeding 2,000 products is about 5,000 commands; then the projections catch up. */
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    private final CatalogStack stack = CatalogStack.get();
    private final String tenant = Tenants.fresh("facets");
    private final String neighbour = Tenants.fresh("neighbour");
    private TenantSearch search;
    private WriteModelFacets writeModel;
    private CatalogFacts facts;

    @BeforeAll
    void seed() throws InterruptedException {
        Vocabulary vocabulary = Vocabulary.standard();
        CatalogGenerator generator = new CatalogGenerator(vocabulary, new SeedPlan(2026, PRODUCTS, List.of(tenant, neighbour)));
        SeedReport report = new CatalogSeeder(new CatalogClient(stack.apiUrl(), stack::token), 6).seed(generator, SeedProgress.NONE);
        assertThat(report.failed()).as(report.failures().toString()).isZero();
        assertThat(report.created()).isEqualTo(PRODUCTS);

        search = new TenantSearch(stack, tenant);
        writeModel = new WriteModelFacets(stack.db(), tenant);
        TenantSearch neighbourSearch = new TenantSearch(stack, neighbour);
        WriteModelFacets neighbourModel = new WriteModelFacets(stack.db(), neighbour);
        // Caught up when the unfiltered facets agree: every product, its stock and its category are in the index.
        await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(Facets.of(search.page("limit", "1"))).isEqualTo(writeModel.of(List.of()));
            assertThat(Facets.of(neighbourSearch.page("limit", "1"))).isEqualTo(neighbourModel.of(List.of()));
        });
        facts = new CatalogFacts(stack.db(), tenant);
    }

    /** A combination of filters, by what it picks from the catalog (the most common brand, its largest category...). */
    record Combination(String name, Function<CatalogFacts, List<Map.Entry<String, String>>> parameters) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Combination> combinations() {
        return Stream.of(
                new Combination("one brand", facts -> List.of(Map.entry("brand", facts.brand(0)))),
                new Combination("two brands", facts -> List.of(Map.entry("brand", facts.brand(0)), Map.entry("brand", facts.brand(1)))),
                new Combination("a department with its subtree", facts -> List.of(Map.entry("category", facts.root()))),
                new Combination("a leaf category, in stock", facts -> List.of(Map.entry("category", facts.leaf()), Map.entry("inStock", "true"))),
                new Combination("out of stock", facts -> List.of(Map.entry("inStock", "false"))),
                new Combination("a price range, bounds on bucket edges", facts -> List.of(Map.entry("minPrice", "25"), Map.entry("maxPrice", "100"))),
                new Combination("a minimum price only", facts -> List.of(Map.entry("minPrice", "99.99"))),
                new Combination("one colour", facts -> List.of(Map.entry("attr.color", facts.attribute("color", 0)))),
                new Combination("two colours and a material", facts -> List.of(Map.entry("attr.color", facts.attribute("color", 0)),
                        Map.entry("attr.color", facts.attribute("color", 1)), Map.entry("attr.material", facts.attribute("material", 0)))),
                new Combination("a brand in a department, a colour, a price range, in stock", facts -> List.of(
                        Map.entry("brand", facts.brand(0)), Map.entry("brand", facts.brand(2)), Map.entry("category", facts.root()),
                        Map.entry("attr.color", facts.attribute("color", 0)), Map.entry("minPrice", "10"), Map.entry("maxPrice", "500"),
                        Map.entry("inStock", "true"))),
                new Combination("a brand the department does not sell", facts -> List.of(Map.entry("brand", facts.brand(0)),
                        Map.entry("category", facts.rootWithout(facts.brand(0))))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void facet_counts_equal_the_write_model(Combination combination) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>(combination.parameters().apply(facts));
        Facets expected = writeModel.of(parameters);
        parameters.add(Map.entry("limit", "1"));

        Facets answered = Facets.of(search.page(flatten(parameters)));

        assertThat(answered).isEqualTo(expected);
    }

    private static String[] flatten(List<Map.Entry<String, String>> parameters) {
        return parameters.stream().flatMap(parameter -> Stream.of(parameter.getKey(), parameter.getValue())).toArray(String[]::new);
    }

    /** Values to filter on, picked from the tenant's write model. */
    static final class CatalogFacts {
        private final Database db;
        private final String tenant;

        CatalogFacts(Database db, String tenant) {
            this.db = db;
            this.tenant = tenant;
        }

        /** The brand at this rank by number of products. */
        String brand(int rank) {
            return db.texts("select brand from product where tenant_id = ? and brand is not null group by brand order by count(*) desc, brand",
                    tenant).get(rank);
        }

        /** The department (root category) with the most products below it. */
        String root() {
            return db.text("""
                    with recursive up(id, root) as (
                        select id, id from category where tenant_id = ? and parent_id is null
                        union all
                        select c.id, up.root from up join category c on c.tenant_id = ? and c.parent_id = up.id)
                    select up.root::text from product p join up on up.id = p.category_id where p.tenant_id = ?
                     group by up.root order by count(*) desc, up.root limit 1""", tenant, tenant, tenant);
        }

        /** A department with no product of {@code brand}: the filter's facets still count the brand's other products. */
        String rootWithout(String brand) {
            return db.text("""
                    with recursive up(id, root) as (
                        select id, id from category where tenant_id = ? and parent_id is null
                        union all
                        select c.id, up.root from up join category c on c.tenant_id = ? and c.parent_id = up.id)
                    select up.root::text from up where up.id = up.root and not exists (
                        select 1 from product p join up below on below.id = p.category_id
                         where p.tenant_id = ? and below.root = up.root and p.brand = ?)
                     order by up.root limit 1""", tenant, tenant, tenant, brand);
        }

        /** The category with the most products filed directly in it. */
        String leaf() {
            return db.text("select category_id::text from product where tenant_id = ? and category_id is not null "
                    + "group by category_id order by count(*) desc, category_id limit 1", tenant);
        }

        /** The value of {@code attribute} at this rank by number of products. */
        String attribute(String attribute, int rank) {
            return db.texts("select attributes ->> ? as value from product where tenant_id = ? and attributes ->> ? is not null "
                    + "group by 1 order by count(*) desc, 1", attribute, tenant, attribute).get(rank);
        }
    }
}
