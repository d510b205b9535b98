package dev.catalog.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.client.CatalogClient;
import dev.catalog.local.client.CatalogClient.Request;
import dev.catalog.local.client.CatalogClient.Response;
import dev.catalog.local.seed.Vocabulary;
import dev.catalog.local.services.postgres.PostgresConnection;
import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./catalog bench search}: search and product detail latencies through the local HTTP API, on a seeded
 * catalog. Each scenario sends requests from {@code clients} concurrent clients (each sends its next request when the
 * last is answered), after a warm-up, and reports p50/p99 as the client sees them.
 *
 * <p>Queries come from the vocabulary the catalog was seeded from (product kinds, with typos, prefixes and folded
 * accents) and filters from the tenant's own facets, so they find what a shopper would. The scenarios differ in words,
 * filters (each adds one filtered aggregation per facet) and sort; each search runs twice, with its facets and with
 * {@code facets=false}, on the same stream of requests, so the difference is what counting the facets costs.
 */
public final class SearchBenchmark {

    /**
     * @param tenant      the tenant searched, normally the largest of a seeded catalog
     * @param minProducts fewer products in the catalog (all tenants) than this, and the benchmark refuses to run
     */
    public record Settings(CatalogClient api, PostgresConnection database, String tenant, long minProducts, int clients,
                           int requests, int warmup, long seed) {
    }

    /**
     * What a scenario sends: the next request from a stream of random choices (seeded by the name, so that a search
     * with and without its facets sends the same requests).
     *
     * @param facets "yes" or "no" for searches, "-" for the detail
     */
    private record Scenario(String name, boolean filtered, String facets, Function<SplittableRandom, Request> next) {

        Scenario withoutFacets() {
            return new Scenario(name, filtered, "no", random -> next.apply(random).query("facets", "false"));
        }
    }

    private final Settings settings;

    public SearchBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Runs every scenario and prints the table; answers false (after saying why) when the catalog is too small. */
    public boolean run(PrintStream out) throws Exception {
        long catalog = count("select count(*) from product", null);
        long tenantProducts = count("select count(*) from product where tenant_id = ?", settings.tenant());
        if (catalog < settings.minProducts() || tenantProducts == 0) {
            out.printf("The catalog has %,d products (tenant %s: %,d); this benchmark wants at least %,d.%n"
                            + "Seed one first:  ./catalog seed --products %d%n", catalog, settings.tenant(), tenantProducts,
                    settings.minProducts(), settings.minProducts());
            return false;
        }
        Facts facts = facts();
        out.printf("Search on tenant %s: %,d of the catalog's %,d products; %d clients, %d requests per scenario after %d of warm-up%n",
                settings.tenant(), tenantProducts, catalog, settings.clients(), settings.requests(), settings.warmup());
        out.printf("  (API: the whole request at the client; OpenSearch: its own took, from the answer's Server-Timing)%n");
        out.printf("  %-52s %7s %6s %9s %7s %8s %8s %10s %10s %10s%n", "scenario", "filters", "facets", "requests", "errors", "p50 ms",
                "p99 ms", "req/s", "OS p50 ms", "OS p99 ms");
        for (Scenario scenario : scenarios(facts)) {
            measure(scenario, settings.warmup(), new LatencyRecorder(), new LatencyRecorder());
            LatencyRecorder latencies = new LatencyRecorder();
            LatencyRecorder openSearch = new LatencyRecorder();
            long started = System.nanoTime();
            measure(scenario, settings.requests(), latencies, openSearch);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("  %-52s %7s %6s %,9d %,7d %8.1f %8.1f %10.0f %10s %10s%n", scenario.name(), scenario.filtered() ? "yes" : "no",
                    scenario.facets(), latencies.count(), latencies.errors(), latencies.percentileMillis(50), latencies.percentileMillis(99),
                    latencies.count() / seconds, millis(openSearch, 50), millis(openSearch, 99));
            out.flush();
        }
        return true;
    }

    private List<Scenario> scenarios(Facts facts) {
        List<Scenario> scenarios = new ArrayList<>();
        for (Scenario search : searches(facts)) {
            scenarios.add(search);
            scenarios.add(search.withoutFacets());
        }
        scenarios.add(new Scenario("GET /products/{id}", false, "-",
                random -> Request.get("/products/" + pick(random, facts.productIds()))));
        return scenarios;
    }

    private static List<Scenario> searches(Facts facts) {
        String search = "/products/search";
        return List.of(
                new Scenario("full text: q (product kinds, any word form)", false, "yes",
                        random -> Request.get(search).query("q", pick(random, facts.phrases()))),
                new Scenario("full text with typos: q", false, "yes",
                        random -> Request.get(search).query("q", typo(random, pick(random, facts.phrases())))),
                new Scenario("autocomplete: q = first letters, limit 5", false, "yes",
                        random -> Request.get(search).query("q", prefix(random, pick(random, facts.phrases()))).query("limit", "5")),
                new Scenario("q + brand, price range, in stock", true, "yes", random -> Request.get(search)
                        .query("q", pick(random, facts.phrases())).query("brand", pick(random, facts.brands()))
                        .query("minPrice", "20").query("maxPrice", "250").query("inStock", "true")),
                new Scenario("q + category subtree + two colours", true, "yes", random -> Request.get(search)
                        .query("q", pick(random, facts.phrases())).query("category", pick(random, facts.categories()))
                        .query("attr.color", pick(random, facts.colours())).query("attr.color", pick(random, facts.colours()))),
                new Scenario("browse a category, sort price_asc", true, "yes", random -> Request.get(search)
                        .query("category", pick(random, facts.categories())).query("sort", "price_asc")),
                new Scenario("browse everything, sort newest", false, "yes",
                        random -> Request.get(search).query("sort", "newest")),
                new Scenario("browse, every facet filtered, sort name", true, "yes", random -> Request.get(search)
                        .query("category", pick(random, facts.categories())).query("brand", pick(random, facts.brands()))
                        .query("brand", pick(random, facts.brands())).query("minPrice", "10").query("maxPrice", "500")
                        .query("inStock", "true").query("attr.color", pick(random, facts.colours()))));
    }

    /** A percentile of OpenSearch's own times, or "-" for requests that do not search (a product by id). */
    private static String millis(LatencyRecorder openSearch, double percentile) {
        return openSearch.count() == 0 ? "-" : String.format("%.0f", openSearch.percentileMillis(percentile));
    }

    /**
     * Sends {@code count} requests of the scenario from every client together, recording each latency and, for a
     * search, OpenSearch's own time from its {@code Server-Timing} header (whole milliseconds, as {@code took} is).
     */
    private void measure(Scenario scenario, int count, LatencyRecorder latencies, LatencyRecorder openSearch) throws Exception {
        AtomicInteger sent = new AtomicInteger();
        try (ExecutorService clients = Executors.newFixedThreadPool(settings.clients())) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                SplittableRandom random = new SplittableRandom(settings.seed() * 31 + c + scenario.name().hashCode());
                running.add(clients.submit(() -> {
                    while (sent.getAndIncrement() < count) {
                        try {
                            Response response = settings.api().send(settings.tenant(), scenario.next().apply(random));
                            if (response.status() == 200) {
                                latencies.record(response.latencyNanos());
                                response.header("Server-Timing").flatMap(SearchBenchmark::openSearchMillis)
                                        .ifPresent(took -> openSearch.record(took * 1_000_000));
                            } else {
                                latencies.error();
                            }
                        } catch (IOException e) {
                            latencies.error();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
    }

    /** What the queries are made of: the vocabulary's words and the tenant's own values. */
    private record Facts(List<String> phrases, List<String> brands, List<String> categories, List<String> colours,
                         List<String> productIds) {
    }

    private Facts facts() throws Exception {
        List<String> phrases = new ArrayList<>();
        for (Vocabulary.Department department : Vocabulary.standard().departments()) {
            collectPhrases(department.categories(), phrases);
        }
        Response page = settings.api().send(settings.tenant(), Request.get("/products/search").query("limit", "1"));
        if (page.status() != 200) {
            throw new IllegalStateException("the search answered " + page);
        }
        JsonNode facets = page.json().get("facets");
        List<String> brands = values(facets.get("brand"), "value");
        List<String> categories = values(facets.get("category"), "id");
        List<String> colours = values(facets.path("attributes").path("color"), "value");
        List<String> ids = new ArrayList<>();
        try (Connection connection = settings.database().open();
             PreparedStatement statement = connection.prepareStatement(
                     "select id::text from product where tenant_id = ? order by md5(id::text) limit 2000")) {
            statement.setString(1, settings.tenant());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return new Facts(phrases, brands, categories, colours.isEmpty() ? List.of("black") : colours, ids);
    }

    private static void collectPhrases(List<Vocabulary.CategoryNode> nodes, List<String> phrases) {
        for (Vocabulary.CategoryNode node : nodes) {
            node.products().forEach(type -> phrases.add(type.name().toLowerCase(Locale.ROOT)));
            collectPhrases(node.children(), phrases);
        }
    }

    private static List<String> values(JsonNode counts, String field) {
        List<String> values = new ArrayList<>();
        counts.forEach(count -> values.add(count.get(field).asText()));
        return values;
    }

    private long count(String sql, String tenant) throws SQLException {
        try (Connection connection = settings.database().open(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (tenant != null) {
                statement.setString(1, tenant);
            }
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static String pick(SplittableRandom random, List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** One letter dropped from a word of five letters or more: "hedphones". */
    static String typo(SplittableRandom random, String phrase) {
        String[] words = phrase.split(" ");
        List<Integer> longWords = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 5) {
                longWords.add(i);
            }
        }
        if (longWords.isEmpty()) {
            return phrase;
        }
        int w = longWords.get(random.nextInt(longWords.size()));
        int at = 1 + random.nextInt(words[w].length() - 1);
        words[w] = words[w].substring(0, at) + words[w].substring(at + 1);
        return String.join(" ", words);
    }

    /** The first three to five letters of the phrase's first word, as typed so far. */
    static String prefix(SplittableRandom random, String phrase) {
        String word = phrase.split(" ")[0];
        return word.substring(0, Math.min(word.length(), 3 + random.nextInt(3)));
    }

    /** The {@code opensearch;dur=<ms>} entry of a Server-Timing header. */
    static Optional<Long> openSearchMillis(String serverTiming) {
        Matcher matcher = OPENSEARCH_TIMING.matcher(serverTiming);
        return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
    }

    private static final Pattern OPENSEARCH_TIMING = Pattern.compile("(?:^|,)\\s*opensearch;dur=(\\d+)");
}
