package dev.catalog.local.seed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.client.CatalogClient;
import dev.catalog.local.client.CatalogClient.Request;
import dev.catalog.local.client.CatalogClient.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Seeds a generated catalog through the command API, as its users would: each tenant's category tree first (parents
 * before children), then every product with {@code clients} concurrent clients: created, discontinued if its
 * status says so, stocked warehouse by warehouse.
 *
 * <p>Safe to run again: every POST carries an Idempotency-Key derived from the seed and what it creates, so a
 * second run of the same seed within the API's 24 hours gets the first run's answers back and creates nothing
 * twice; later, products come back as {@code 409 duplicate_sku} and are counted as already there, and existing
 * categories are found by their path in the category tree. Busy or failing answers (429, 5xx, no answer) are sent
 * again a few times; what still fails is counted and described, and seeding goes on.
 */
public final class CatalogSeeder {

    static final int ATTEMPTS = 5;
    private static final int FAILURES_KEPT = 5;
    private static final Duration CATEGORY_LOOKUP = Duration.ofSeconds(30);

    private final CatalogClient api;
    private final int clients;

    public CatalogSeeder(CatalogClient api, int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("at least one client, not " + clients);
        }
        this.api = api;
        this.clients = clients;
    }

    public SeedReport seed(CatalogGenerator generator, SeedProgress progress) throws InterruptedException {
        Run run = new Run(generator, progress);
        return run.execute();
    }

    /** One seeding, with its counters. */
    private final class Run {

        private final CatalogGenerator generator;
        private final SeedProgress progress;
        private final List<TenantSeed> tenants;
        private final Map<String, Map<String, String>> categoryIds = new ConcurrentHashMap<>();
        private final Map<String, Tally> tallies = new LinkedHashMap<>();
        private final LongAdder requests = new LongAdder();
        private final LongAdder retries = new LongAdder();
        private final LongAdder created = new LongAdder();
        private final LongAdder replayed = new LongAdder();
        private final LongAdder alreadyThere = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());

        Run(CatalogGenerator generator, SeedProgress progress) {
            this.generator = generator;
            this.progress = progress;
            this.tenants = generator.tenants();
            tenants.forEach(tenant -> tallies.put(tenant.tenant(), new Tally()));
        }

        SeedReport execute() throws InterruptedException {
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients, Thread.ofPlatform().name("seed-client-", 1).factory())) {
                List<Future<?>> trees = new ArrayList<>();
                for (TenantSeed tenant : tenants) {
                    trees.add(pool.submit(() -> {
                        createCategories(tenant);
                        return null;
                    }));
                }
                await(trees);

                List<CatalogGenerator.ProductRef> order = generator.order();
                progress.started(order.size());
                AtomicInteger next = new AtomicInteger();
                List<Future<?>> workers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    workers.add(pool.submit(() -> {
                        for (int n = next.getAndIncrement(); n < order.size(); n = next.getAndIncrement()) {
                            CatalogGenerator.ProductRef ref = order.get(n);
                            boolean ok = seedProduct(generator.product(ref.tenant(), ref.index()));
                            progress.productDone(!ok);
                        }
                        return null;
                    }));
                }
                await(workers);
            } finally {
                progress.finished();
            }
            return new SeedReport(Duration.ofNanos(System.nanoTime() - started),
                    tenants.stream().map(tenant -> tallies.get(tenant.tenant()).of(tenant)).toList(),
                    requests.sum(), retries.sum(), created.sum(), replayed.sum(), alreadyThere.sum(), failed.sum(),
                    List.copyOf(failures));
        }

        private void createCategories(TenantSeed tenant) throws IOException, InterruptedException {
            Map<String, String> ids = new HashMap<>();
            for (CategorySeed category : tenant.categories()) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("name", category.name());
                if (category.parentPath() != null) {
                    body.put("parentId", ids.get(category.parentPath()));
                }
                Response response = send(tenant.tenant(), Request.post("/categories", body)
                        .idempotencyKey(key("category", UUID.nameUUIDFromBytes(category.path().getBytes(StandardCharsets.UTF_8)).toString())));
                if (response.successful()) {
                    ids.put(category.path(), response.json().get("id").asText());
                } else if (response.status() == 409) {
                    ids.put(category.path(), existingCategory(tenant.tenant(), category.path()));
                } else {
                    throw new IllegalStateException("creating category " + category.path() + " of " + tenant.tenant()
                            + " answered " + response);
                }
            }
            categoryIds.put(tenant.tenant(), ids);
        }

        /** A category an earlier seeding created: found by its path in the tenant's tree, once the read model has it. */
        private String existingCategory(String tenant, String path) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + CATEGORY_LOOKUP.toNanos();
            while (true) {
                Optional<String> found = findByPath(send(tenant, Request.get("/categories")).json().path("categories"),
                        List.of(path.split(CategorySeed.SEPARATOR)));
                if (found.isPresent()) {
                    return found.get();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("category " + path + " of " + tenant + " exists but is not in its tree after "
                            + CATEGORY_LOOKUP.toSeconds() + " s");
                }
                Thread.sleep(500);
            }
        }

        private static Optional<String> findByPath(JsonNode nodes, List<String> names) {
            for (JsonNode node : nodes) {
                if (node.path("name").asText().equalsIgnoreCase(names.getFirst())) {
                    return names.size() == 1 ? Optional.of(node.get("id").asText())
                            : findByPath(node.path("children"), names.subList(1, names.size()));
                }
            }
            return Optional.empty();
        }

        /** Creates the product and applies what follows; answers false when any of it failed. */
        private boolean seedProduct(ProductSeed product) {
            try {
                String categoryId = product.categoryPath() == null ? null : categoryIds.get(product.tenant()).get(product.categoryPath());
                Response response = send(product.tenant(), Request.post("/products", product.createRequest(categoryId))
                        .idempotencyKey(key("product", Integer.toString(product.index()))));
                if (response.status() == 409 || "idempotency_key_reused".equals(response.code().orElse(""))) {
                    alreadyThere.increment();
                    return true;
                }
                if (!response.successful()) {
                    return failed(product, "create", response.toString());
                }
                if (response.header("Idempotent-Replayed").isPresent()) {
                    replayed.increment();
                } else {
                    created.increment();
                }
                String id = response.json().get("id").asText();
                long version = response.json().get("version").asLong();
                if (product.status() == ProductSeed.Status.DISCONTINUED) {
                    Response discontinued = send(product.tenant(), Request.post("/products/" + id + "/discontinue", null).ifMatch(version));
                    // 412: a replayed product, discontinued by the run that created it.
                    if (!discontinued.successful() && discontinued.status() != 412) {
                        return failed(product, "discontinue", discontinued.toString());
                    }
                }
                for (Map.Entry<String, Integer> level : product.stock().entrySet()) {
                    Response stocked = send(product.tenant(), Request.put("/products/" + id + "/stock/" + level.getKey(),
                            Map.of("quantity", level.getValue())));
                    if (!stocked.successful()) {
                        return failed(product, "stock " + level.getKey(), stocked.toString());
                    }
                }
                tallies.get(product.tenant()).add(product);
                return true;
            } catch (IOException e) {
                return failed(product, "request", "no answer: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(product, "request", "interrupted");
            }
        }

        private Response send(String tenant, Request request) throws IOException, InterruptedException {
            CatalogClient.Retried answer = api.sendRetrying(tenant, request, ATTEMPTS);
            requests.add(answer.retries() + 1);
            retries.add(answer.retries());
            return answer.response();
        }

        private boolean failed(ProductSeed product, String step, String what) {
            failed.increment();
            if (failures.size() < FAILURES_KEPT) {
                failures.add(product.tenant() + " " + product.sku() + " " + step + ": " + what);
            }
            return false;
        }

        private String key(String kind, String what) {
            return "seed-" + generator.plan().seed() + "-" + kind + "-" + what;
        }

        private static void await(List<Future<?>> tasks) throws InterruptedException {
            for (Future<?> task : tasks) {
                try {
                    task.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("seeding failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
    }

    /** A tenant's products as seeded, by status and stock. */
    private static final class Tally {
        private final LongAdder products = new LongAdder();
        private final LongAdder active = new LongAdder();
        private final LongAdder draft = new LongAdder();
        private final LongAdder discontinued = new LongAdder();
        private final LongAdder inStock = new LongAdder();
        private final LongAdder stockUpdates = new LongAdder();

        void add(ProductSeed product) {
            products.increment();
            switch (product.status()) {
                case ACTIVE -> active.increment();
                case DRAFT -> draft.increment();
                case DISCONTINUED -> discontinued.increment();
            }
            if (product.stockTotal() > 0) {
                inStock.increment();
            }
            stockUpdates.add(product.stock().size());
        }

        SeedReport.TenantTally of(TenantSeed tenant) {
            return new SeedReport.TenantTally(tenant.tenant(), tenant.currency(), tenant.categories().size(),
                    products.sum(), active.sum(), draft.sum(), discontinued.sum(), inStock.sum(), stockUpdates.sum());
        }
    }
}
