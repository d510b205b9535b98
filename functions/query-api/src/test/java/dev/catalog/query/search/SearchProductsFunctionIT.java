package dev.catalog.query.search;

import static dev.catalog.query.search.SearchEvents.page;
import static dev.catalog.query.search.SearchEvents.search;
import static dev.catalog.search.testing.TestCatalog.batch;
import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.domain.category.CategoryEvent;
import dev.catalog.domain.product.ProductEvent;
import dev.catalog.domain.product.ProductId;
import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.platform.events.LoggedEvent;
import dev.catalog.projection.search.SearchIndexWriter;
import dev.catalog.projection.search.WriteOutcome;
import dev.catalog.search.index.SearchIndexAdmin;
import dev.catalog.search.index.SearchIndices;
import dev.catalog.search.testing.OpenSearchExtension;
import dev.catalog.search.testing.TestCatalog;
import dev.catalog.search.testing.TestIndices;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opensearch.client.opensearch.OpenSearchClient;

/**
 * GET /products/search end to end: real domain events, through the search projection's writer, into a real
 * OpenSearch node; queries through the Lambda handler with API Gateway events. Every test starts from the same
 * catalog in fresh indices that the aliases point to.
 */
@ExtendWith(OpenSearchExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchProductsFunctionIT {

    /** The acme catalog as specified, for computing expected results without OpenSearch. */
    private record Spec(String sku, String name, String brand, String category, BigDecimal price,
                        Map<String, String> attributes, Long stock) {

        boolean inStock() {
            return stock != null && stock > 0;
        }
    }

    private static final List<Spec> ACME = List.of(
            spec("RUN-1", "Run Shoe", "Stride", "running", "89.90", Map.of("color", "blue", "size", "42"), 5L),
            spec("TRAIL-2", "Trail Hiking Boot", "Peak", "hiking", "129.00", Map.of("color", "brown", "size", "43"), 0L),
            spec("CREME-3", "Crème Brûlée Torch", "Chefco", "kitchen", "19.99", Map.of("color", "red"), 3L),
            spec("HEAD-4", "Wireless Headphones", "Sonic", null, "99.00", Map.of("color", "black"), null),
            spec("RACE-5", "Racing Flat", "Stride", "running", "99.00", Map.of("color", "red", "size", "42"), 2L),
            spec("SOCK-6", "Running Socks, 3 pack", "Stride, Inc.", "footwear", "9.50", Map.of("color", "white", "size", "42"), 10L),
            spec("TORCH", "Butane Refill Can", "Chefco", "kitchen", "4.50", Map.of(), 1L),
            spec("MUG-8", "Tom & Jerry <Deluxe> Mug", "Chefco", "kitchen", "12.00", Map.of("color", "red"), null));

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "RUN-1", "Light and grippy running shoe for the road.",
            "RACE-5", "A fast shoe for race day.");

    /** Where each category hangs, for rolling counts up. */
    private static final Map<String, String> PARENTS = Map.of("running", "footwear", "hiking", "footwear");

    private OpenSearchClient client;
    private SearchIndexWriter writer;
    private SearchProductsFunction function;

    private SearchIndices indices;
    private TestCatalog acme;
    private TestCatalog globex;
    private Map<String, CategoryEvent> categories;
    private Map<String, ProductEvent> products;
    private List<DomainEvent> history;

    @BeforeAll
    void connect(OpenSearchClient client) {
        this.client = client;
        this.writer = new SearchIndexWriter(client);
        this.function = new SearchProductsFunction(new ProductSearch(client));
    }

    @BeforeEach
    void catalog() {
        indices = TestIndices.createFresh(client);
        new SearchIndexAdmin(client).pointAliasesAt(indices.version());
        acme = new TestCatalog("acme");
        globex = new TestCatalog("globex");
        history = new ArrayList<>();
        categories = new LinkedHashMap<>();
        products = new LinkedHashMap<>();

        categories.put("footwear", record(acme.createCategory("Footwear", null)));
        categories.put("running", record(acme.createCategory("Running", categoryId("footwear"))));
        categories.put("hiking", record(acme.createCategory("Hiking", categoryId("footwear"))));
        categories.put("kitchen", record(acme.createCategory("Kitchen", null)));
        for (Spec spec : ACME) {
            TestCatalog.ProductDraft draft = acme.product(spec.sku(), spec.name()).brand(spec.brand()).price(spec.price().toPlainString());
            if (spec.category() != null) {
                draft.category(categoryId(spec.category()));
            }
            spec.attributes().forEach(draft::attribute);
            if (DESCRIPTIONS.containsKey(spec.sku())) {
                draft.description(DESCRIPTIONS.get(spec.sku()));
            }
            ProductEvent created = record(draft.create());
            products.put(spec.sku(), created);
            if (spec.stock() != null) {
                record(acme.setStock(created.product().id(), "berlin", spec.stock()));
            }
        }
        // A deleted product, whose stock event arrives after the deletion, and stock of a product never seen.
        ProductEvent gone = record(acme.product("DEL-9", "Old Run Shoe").brand("Stride").create());
        var lateStock = acme.setStock(gone.product().id(), "berlin", 4);
        record(acme.delete(gone.product().id()));
        record(lateStock);
        ProductEvent neverArrives = new TestCatalog("acme").product("GHOST", "Ghost Run Shoe").create();
        record(acme.setStock(neverArrives.product().id(), "berlin", 8));

        CategoryEvent globexShoes = record(globex.createCategory("Shoes", null));
        record(globex.product("G-1", "Run Shoe Deluxe").brand("Globex").category(globexShoes.category().id())
                .price("50.00").attribute("color", "green").create());

        write(history);
    }

    @AfterEach
    void dropIndices() throws IOException {
        client.indices().delete(delete -> delete.index(indices.products(), indices.categories()));
    }

    @Test
    void says_in_server_timing_how_long_opensearch_took() {
        APIGatewayV2HTTPResponse response = get("acme", "q=running+shoes");

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).hasEntrySatisfying("Server-Timing",
                timing -> assertThat(timing).matches("opensearch;dur=\\d+"));
    }

    // --- Text relevance ---

    @Test
    void finds_other_forms_of_the_words() {
        assertThat(skus("q=running+shoes")).startsWith("RUN-1");
    }

    @Test
    void matches_without_accents_and_with_other_accents() {
        assertThat(skus("q=creme+brulee")).containsExactly("CREME-3");
        assertThat(skus("q=CR%C3%88ME")).containsExactly("CREME-3");
    }

    @Test
    void forgives_typos() {
        assertThat(skus("q=wireles+hedphones")).containsExactly("HEAD-4");
        assertThat(skus("q=raicng")).containsExactly("RACE-5");
    }

    @Test
    void ranks_an_exact_sku_first_whatever_its_case() {
        assertThat(skus("q=torch")).containsExactly("TORCH", "CREME-3");
        assertThat(skus("q=run-1")).first().isEqualTo("RUN-1");
    }

    @Test
    void completes_the_words_being_typed() {
        assertThat(skus("q=headph")).containsExactly("HEAD-4");
        assertThat(skus("q=wirel+head")).containsExactly("HEAD-4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name:\"run\" AND (shoe* OR boot~2)", "\\", "/[a-z]+/", "+-&&||!(){}[]^\"~*?:\\/", "AND", "*", "\"Run Shoe\""})
    void takes_query_syntax_as_plain_text(String q) {
        APIGatewayV2HTTPResponse response = get("acme", "q=" + encode(q));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    }

    @Test
    void a_quoted_name_is_just_its_words() {
        assertThat(skus("q=" + encode("\"Run Shoe\""))).startsWith("RUN-1");
    }

    @Test
    void highlights_matches_in_names_and_descriptions_as_escaped_html() {
        SearchPage.Item grippy = page(get("acme", "q=grippy")).items().getFirst();
        assertThat(grippy.highlights().get("description")).singleElement().asString().contains("<em>grippy</em>");

        SearchPage.Item mug = page(get("acme", "q=deluxe")).items().getFirst();
        assertThat(mug.highlights().get("name")).containsExactly("Tom &amp; Jerry &lt;<em>Deluxe</em>&gt; Mug");

        SearchPage.Item prefix = page(get("acme", "q=headph")).items().getFirst();
        assertThat(prefix.highlights().get("name")).singleElement().asString().contains("<em>Headphones</em>");
    }

    // --- Filters ---

    @Test
    void a_category_takes_in_everything_below_it() {
        assertThat(skus("category=" + categoryId("footwear"))).containsExactlyInAnyOrder("RUN-1", "TRAIL-2", "RACE-5", "SOCK-6");
        assertThat(skus("category=" + categoryId("running"))).containsExactlyInAnyOrder("RUN-1", "RACE-5");
        assertThat(skus("category=00000000-0000-4000-8000-000000000000")).isEmpty();
    }

    @Test
    void brands_are_alternatives_and_may_contain_commas() {
        assertThat(skus("brand=Stride&brand=Peak")).containsExactlyInAnyOrder("RUN-1", "TRAIL-2", "RACE-5");
        assertThat(skus("brand=" + encode("Stride, Inc."))).containsExactly("SOCK-6");
    }

    @Test
    void a_price_range_includes_both_ends() {
        assertThat(skus("minPrice=19.99&maxPrice=99")).containsExactlyInAnyOrder("RUN-1", "CREME-3", "HEAD-4", "RACE-5");
        assertThat(skus("maxPrice=9.5")).containsExactlyInAnyOrder("SOCK-6", "TORCH");
        assertThat(skus("minPrice=100")).containsExactly("TRAIL-2");
    }

    @Test
    void in_stock_means_at_least_one_unit_and_never_stocked_is_out_of_stock() {
        assertThat(skus("inStock=true")).containsExactlyInAnyOrder("RUN-1", "CREME-3", "RACE-5", "SOCK-6", "TORCH");
        assertThat(skus("inStock=false")).containsExactlyInAnyOrder("TRAIL-2", "HEAD-4", "MUG-8");
    }

    @Test
    void attribute_values_are_alternatives_and_attributes_must_all_match() {
        assertThat(skus("attr.color=red")).containsExactlyInAnyOrder("CREME-3", "RACE-5", "MUG-8");
        assertThat(skus("attr.color=red&attr.color=blue")).containsExactlyInAnyOrder("CREME-3", "RACE-5", "MUG-8", "RUN-1");
        assertThat(skus("attr.color=red&attr.size=42")).containsExactly("RACE-5");
    }

    // --- Facets ---

    @Test
    void each_facet_ignores_its_own_filter_and_applies_all_the_others() {
        Predicate<Spec> brand = spec -> Set.of("Stride", "Chefco").contains(spec.brand());
        Predicate<Spec> color = spec -> Stream.of("red", "blue").anyMatch(value -> value.equals(spec.attributes().get("color")));
        Predicate<Spec> stocked = Spec::inStock;
        Predicate<Spec> price = spec -> spec.price().compareTo(new BigDecimal("5")) >= 0 && spec.price().compareTo(new BigDecimal("100")) <= 0;

        SearchPage page = page(get("acme", "brand=Stride&brand=Chefco&attr.color=red&attr.color=blue&inStock=true&minPrice=5&maxPrice=100"));

        assertThat(page.items()).extracting(SearchPage.Item::sku)
                .containsExactlyInAnyOrderElementsOf(skusOf(matching(brand, color, stocked, price)));
        assertThat(page.total()).isEqualTo(matching(brand, color, stocked, price).size());
        assertThat(counts(page.facets().brand())).isEqualTo(countBy(matching(color, stocked, price), Spec::brand));
        assertThat(counts(page.facets().attributes().get("color")))
                .isEqualTo(countBy(matching(brand, stocked, price), spec -> spec.attributes().get("color")));
        assertThat(counts(page.facets().attributes().get("size")))
                .isEqualTo(countBy(matching(brand, color, stocked, price), spec -> spec.attributes().get("size")));
        assertThat(page.facets().inStock()).containsExactly(
                new SearchPage.StockCount(true, matching(brand, color, price, Spec::inStock).size()),
                new SearchPage.StockCount(false, matching(brand, color, price, spec -> !spec.inStock()).size()));
        assertThat(priceCounts(page)).isEqualTo(priceBuckets(matching(brand, color, stocked)));
        assertThat(categoryCounts(page)).isEqualTo(rolledUp(matching(brand, color, stocked, price)));
    }

    @Test
    void an_attribute_facet_applies_the_filters_on_other_attributes() {
        Predicate<Spec> size = spec -> "42".equals(spec.attributes().get("size"));

        SearchPage page = page(get("acme", "attr.size=42"));

        assertThat(counts(page.facets().attributes().get("color")))
                .isEqualTo(countBy(matching(size), spec -> spec.attributes().get("color")));
        assertThat(counts(page.facets().attributes().get("size")))
                .isEqualTo(countBy(matching(spec -> spec.attributes().containsKey("size")), spec -> spec.attributes().get("size")));
    }

    @Test
    void the_category_facet_rolls_counts_up_the_tree_with_current_names() {
        SearchPage page = page(get("acme", "category=" + categoryId("running")));

        assertThat(categoryCounts(page)).isEqualTo(rolledUp(ACME));
        assertThat(page.facets().category()).contains(
                new SearchPage.CategoryCount(categoryId("footwear").toString(), "Footwear", null, 4),
                new SearchPage.CategoryCount(categoryId("running").toString(), "Running", categoryId("footwear").toString(), 2));
    }

    @Test
    void price_and_stock_facets_list_every_bucket() {
        SearchPage page = page(get("acme", ""));

        assertThat(page.facets().price()).extracting(SearchPage.PriceCount::from)
                .containsExactly("0", "10", "25", "50", "100", "250", "500", "1000");
        assertThat(priceCounts(page)).isEqualTo(priceBuckets(ACME));
        assertThat(page.facets().inStock()).containsExactly(new SearchPage.StockCount(true, 5), new SearchPage.StockCount(false, 3));
    }

    // --- Tenancy ---

    @Test
    void a_tenant_never_sees_another_tenants_products_or_facet_values() {
        SearchPage acmePage = page(get("acme", "q=run+shoe&limit=100"));
        SearchPage globexPage = page(get("globex", "q=run+shoe&limit=100"));

        assertThat(acmePage.items()).extracting(SearchPage.Item::sku).doesNotContain("G-1");
        assertThat(counts(acmePage.facets().brand())).doesNotContainKey("Globex");
        assertThat(page(get("acme", "")).facets().attributes().get("color")).extracting(SearchPage.ValueCount::value).doesNotContain("green");
        assertThat(globexPage.items()).extracting(SearchPage.Item::sku).containsExactly("G-1");
        assertThat(counts(globexPage.facets().brand())).containsOnlyKeys("Globex");
        assertThat(globexPage.facets().category()).extracting(SearchPage.CategoryCount::name).containsExactly("Shoes");
        assertThat(skus("globex", "category=" + categoryId("footwear"))).isEmpty();
    }

    // --- Following the events ---

    @Test
    void a_category_rename_or_move_shows_in_the_next_search() {
        write(List.of(acme.renameCategory(categoryId("running"), "Jogging"), acme.moveCategory(categoryId("hiking"), categoryId("kitchen"))));

        SearchPage running = page(get("acme", "category=" + categoryId("running") + "&sort=name"));
        assertThat(running.items()).extracting(item -> item.category().name()).containsOnly("Jogging");
        assertThat(running.items().getFirst().category().path()).extracting(CategoryTree.Node::name).containsExactly("Footwear", "Jogging");
        assertThat(running.facets().category()).extracting(SearchPage.CategoryCount::name).contains("Jogging").doesNotContain("Running");
        assertThat(skus("category=" + categoryId("footwear"))).doesNotContain("TRAIL-2");
        assertThat(skus("category=" + categoryId("kitchen"))).contains("TRAIL-2");
        // Without a category filter the registry is read while the products index works: the same current names.
        SearchPage everything = page(get("acme", "sort=name"));
        assertThat(everything.facets().category()).extracting(SearchPage.CategoryCount::name).contains("Jogging").doesNotContain("Running");
        assertThat(everything.items()).filteredOn(item -> item.category() != null).extracting(item -> item.category().name())
                .contains("Jogging").doesNotContain("Running");
    }

    @Test
    void a_registry_that_cannot_be_read_fails_the_search_rather_than_showing_it_without_categories() throws IOException {
        client.indices().close(close -> close.index(indices.categories()));

        assertThat(get("acme", "sort=name").getStatusCode()).isEqualTo(500);
        assertThat(get("acme", "category=" + categoryId("running")).getStatusCode()).isEqualTo(500);
    }

    @Test
    void price_and_stock_changes_are_followed() {
        ProductId trail = products.get("TRAIL-2").product().id();
        write(List.of(acme.changePrice(trail, "49.00"), acme.setStock(trail, "hamburg", 4)));

        assertThat(skus("maxPrice=50&inStock=true")).contains("TRAIL-2");
        SearchPage.Item item = page(get("acme", "q=TRAIL-2")).items().getFirst();
        assertThat(item.price()).isEqualTo(new SearchPage.Money("49.00", "EUR"));
        assertThat(item.stockTotal()).isEqualTo(4);
        assertThat(item.inStock()).isTrue();
    }

    @Test
    void duplicate_and_out_of_order_events_change_nothing() {
        String before = get("acme", "limit=100").getBody();

        List<DomainEvent> replayed = new ArrayList<>(history);
        Collections.reverse(replayed);
        List<WriteOutcome> outcomes = write(replayed);

        assertThat(outcomes).allMatch(WriteOutcome.Stale.class::isInstance);
        assertThat(get("acme", "limit=100").getBody()).isEqualTo(before);
    }

    @Test
    void deleted_products_and_product_less_stock_are_never_found() {
        SearchPage everything = page(get("acme", "limit=100"));

        assertThat(everything.total()).isEqualTo(ACME.size());
        assertThat(everything.items()).extracting(SearchPage.Item::sku).doesNotContain("DEL-9", "GHOST");
        assertThat(skus("q=old+run+shoe")).doesNotContain("DEL-9");
        assertThat(skus("q=ghost")).isEmpty();
    }

    // --- Pages ---

    @ParameterizedTest
    @ValueSource(strings = {"sort=relevance", "q=chefco", "sort=price_asc", "sort=price_desc", "sort=newest", "sort=name"})
    void pages_visit_every_result_exactly_once_in_order(String query) {
        List<String> whole = skus(query + "&limit=100");

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            SearchPage page = page(get("acme", query + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.items().forEach(item -> paged.add(item.sku()));
            assertThat(page.total()).isEqualTo(whole.size());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(paged).isEqualTo(whole).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((whole.size() + 1) / 2);
    }

    @Test
    void a_status_filter_scopes_the_results_and_every_facet() {
        write(List.of(acme.discontinue(products.get("RACE-5").product().id()),
                acme.product("NEW-10", "Run Shoe Prototype").brand("Stride").draft().create()));

        assertThat(skus("q=run&status=ACTIVE")).doesNotContain("RACE-5", "NEW-10").contains("RUN-1");
        assertThat(skus("status=DISCONTINUED")).containsExactly("RACE-5");
        assertThat(skus("status=DRAFT&status=DISCONTINUED")).containsExactlyInAnyOrder("RACE-5", "NEW-10");
        SearchPage active = page(get("acme", "status=ACTIVE"));
        assertThat(active.total()).isEqualTo(ACME.size() - 1);
        assertThat(counts(active.facets().brand())).containsEntry("Stride", 1L);
        assertThat(skus("limit=100")).contains("RACE-5", "NEW-10");
    }

    @Test
    void without_facets_a_page_is_the_same_and_a_cursor_serves_with_or_without_them() {
        SearchPage first = page(get("acme", "sort=price_asc&limit=3"));
        SearchPage bare = page(get("acme", "sort=price_asc&limit=3&facets=false"));

        assertThat(bare.facets()).isNull();
        assertThat(first.facets()).isNotNull();
        assertThat(bare.items()).isEqualTo(first.items());
        assertThat(bare.total()).isEqualTo(first.total());
        assertThat(bare.nextCursor()).isNotNull();
        SearchPage next = page(get("acme", "sort=price_asc&limit=3&cursor=" + bare.nextCursor()));
        SearchPage nextBare = page(get("acme", "sort=price_asc&limit=3&facets=false&cursor=" + first.nextCursor()));
        assertThat(nextBare.items()).isEqualTo(next.items()).isNotEmpty();
        assertThat(nextBare.facets()).isNull();
    }

    @Test
    void orders_by_price_date_and_name_with_ties_broken_by_id() {
        assertThat(skus("sort=price_asc&limit=100")).containsExactlyElementsOf(ACME.stream()
                .sorted((a, b) -> a.price().compareTo(b.price()) != 0 ? a.price().compareTo(b.price())
                        : productId(a.sku()).compareTo(productId(b.sku())))
                .map(Spec::sku).toList());
        assertThat(skus("sort=newest&limit=100")).containsExactlyElementsOf(ACME.reversed().stream().map(Spec::sku).toList());
        assertThat(skus("sort=name&limit=100")).containsExactly("TORCH", "CREME-3", "RACE-5", "RUN-1", "SOCK-6", "MUG-8",
                "TRAIL-2", "HEAD-4");
    }

    @Test
    void shows_items_with_their_category_path_price_stock_and_version() {
        SearchPage.Item run = page(get("acme", "q=RUN-1")).items().getFirst();

        assertThat(run.id()).isEqualTo(productId("RUN-1"));
        assertThat(run.name()).isEqualTo("Run Shoe");
        assertThat(run.brand()).isEqualTo("Stride");
        assertThat(run.description()).isEqualTo("Light and grippy running shoe for the road.");
        assertThat(run.category().name()).isEqualTo("Running");
        assertThat(run.category().path()).extracting(CategoryTree.Node::name).containsExactly("Footwear", "Running");
        assertThat(run.price()).isEqualTo(new SearchPage.Money("89.90", "EUR"));
        assertThat(run.attributes()).containsEntry("color", "blue").containsEntry("size", "42");
        assertThat(run.stockTotal()).isEqualTo(5);
        assertThat(run.inStock()).isTrue();
        assertThat(run.status()).isEqualTo("ACTIVE");
        assertThat(run.version()).isEqualTo(1);
        assertThat(page(get("acme", "q=HEAD-4")).items().getFirst().category()).isNull();
    }

    @Test
    void answers_the_sample_event() {
        APIGatewayV2HTTPResponse response = function.handleRequest(SearchEvents.sample(), null);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(page(response).items()).isEmpty();
    }

    // --- Helpers ---

    private APIGatewayV2HTTPResponse get(String tenant, String rawQueryString) {
        return function.handleRequest(search(tenant, rawQueryString), null);
    }

    private List<String> skus(String rawQueryString) {
        return skus("acme", rawQueryString);
    }

    private List<String> skus(String tenant, String rawQueryString) {
        return page(get(tenant, rawQueryString)).items().stream().map(SearchPage.Item::sku).toList();
    }

    private <E extends DomainEvent> E record(E event) {
        history.add(event);
        return event;
    }

    private List<WriteOutcome> write(List<? extends DomainEvent> events) {
        List<LoggedEvent> logged = batch(events.toArray(DomainEvent[]::new));
        List<WriteOutcome> outcomes = writer.apply(indices, logged);
        TestIndices.refresh(client, indices);
        return outcomes;
    }

    private dev.catalog.domain.category.CategoryId categoryId(String key) {
        return categories.get(key).category().id();
    }

    private String productId(String sku) {
        return products.get(sku).product().id().toString();
    }

    @SafeVarargs
    private static List<Spec> matching(Predicate<Spec>... filters) {
        return ACME.stream().filter(spec -> Stream.of(filters).allMatch(filter -> filter.test(spec))).toList();
    }

    private static List<String> skusOf(List<Spec> specs) {
        return specs.stream().map(Spec::sku).toList();
    }

    private static Map<String, Long> countBy(List<Spec> specs, Function<Spec, String> value) {
        return specs.stream().filter(spec -> value.apply(spec) != null).collect(groupingBy(value, counting()));
    }

    private static Map<String, Long> counts(List<SearchPage.ValueCount> values) {
        Map<String, Long> counts = new HashMap<>();
        values.forEach(value -> counts.put(value.value(), value.count()));
        return counts;
    }

    private static Map<String, Long> priceCounts(SearchPage page) {
        Map<String, Long> counts = new HashMap<>();
        page.facets().price().forEach(bucket -> counts.put(bucket.from(), bucket.count()));
        return counts;
    }

    /** Counts per price bucket (by its lower end), every bucket present. */
    private static Map<String, Long> priceBuckets(List<Spec> specs) {
        List<String> bounds = List.of("0", "10", "25", "50", "100", "250", "500", "1000");
        Map<String, Long> counts = new HashMap<>();
        bounds.forEach(bound -> counts.put(bound, 0L));
        for (Spec spec : specs) {
            String bucket = bounds.getFirst();
            for (String bound : bounds) {
                if (spec.price().compareTo(new BigDecimal(bound)) >= 0) {
                    bucket = bound;
                }
            }
            counts.merge(bucket, 1L, Long::sum);
        }
        return counts;
    }

    private Map<String, Long> categoryCounts(SearchPage page) {
        Map<String, Long> counts = new HashMap<>();
        Map<String, String> keys = new HashMap<>();
        categories.forEach((key, event) -> keys.put(event.category().id().toString(), key));
        page.facets().category().forEach(count -> counts.put(keys.get(count.id()), count.count()));
        return counts;
    }

    private static Map<String, Long> rolledUp(List<Spec> specs) {
        Map<String, Long> counts = new HashMap<>();
        for (Spec spec : specs) {
            Set<String> seen = new HashSet<>();
            for (String at = spec.category(); at != null && seen.add(at); at = PARENTS.get(at)) {
                counts.merge(at, 1L, Long::sum);
            }
        }
        return counts;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Spec spec(String sku, String name, String brand, String category, String price,
                             Map<String, String> attributes, Long stock) {
        return new Spec(sku, name, brand, category, new BigDecimal(price), attributes, stock);
    }
}
