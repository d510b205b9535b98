package dev.catalog.local.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.bench.EventLedger.EventKey;
import dev.catalog.local.client.CatalogClient;
import dev.catalog.local.client.CatalogClient.Request;
import dev.catalog.local.client.CatalogClient.Response;
import dev.catalog.local.seed.CatalogGenerator;
import dev.catalog.local.seed.ProductSeed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends commands at a steady rate, open loop: a command starts at its slot whether or not earlier ones are answered,
 * as independent users would send them, so a slow API shows as latency and a backlog rather than as a lower rate
 * quietly offered. Each answered command's event goes into the ledger with the moment its answer arrived.
 *
 * <p>The mix: new products (40 %), price changes (30 %) and stock changes (30 %) of products created in the run.
 * A product takes one command at a time, so If-Match versions never race.
 */
final class CommandDriver {

    /** Commands in flight beyond which a slot is skipped and counted: the API is saturated. */
    static final int MAX_IN_FLIGHT = 256;
    private static final double NEW_PRODUCTS = 0.4;
    private static final double PRICE_CHANGES = 0.3;

    /**
     * A product created in the run: the version its next command must name, and its inventory's version, which tells
     * a stock change that made a new event from one that changed nothing.
     */
    private record Product(String id, long version, long inventoryVersion, BigDecimal price, String currency,
                           List<String> warehouses) {
    }

    /**
     * What one steady step did.
     *
     * @param skipped slots with no command sent, because {@value #MAX_IN_FLIGHT} were still unanswered
     */
    record Step(double rate, long startMicros, long endMicros, long sent, long answered, long failed, long skipped) {

        double seconds() {
            return (endMicros - startMicros) / 1e6;
        }

        double answeredRate() {
            return answered / seconds();
        }
    }

    private final CatalogClient api;
    private final String tenant;
    private final CatalogGenerator products;
    private final EventLedger ledger;
    private final Queue<Product> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextProduct = new AtomicInteger();
    private final SplittableRandom seeds = new SplittableRandom(7);

    CommandDriver(CatalogClient api, String tenant, CatalogGenerator products, EventLedger ledger) {
        this.api = api;
        this.tenant = tenant;
        this.products = products;
        this.ledger = ledger;
    }

    /** Sends {@code rate} commands a second for {@code duration}, then waits for the last answers. */
    Step drive(double rate, Duration duration) {
        long interval = (long) (1e9 / rate);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        LongAdder sent = new LongAdder();
        LongAdder answered = new LongAdder();
        LongAdder failed = new LongAdder();
        long skipped = 0;
        long startMicros = Clocks.nowMicros();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try (ExecutorService commands = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long slot = start; slot < end; slot += interval) {
                LockSupport.parkNanos(slot - System.nanoTime());
                if (!inFlight.tryAcquire()) {
                    skipped++;
                    continue;
                }
                sent.increment();
                SplittableRandom random = seeds.split();
                commands.submit(() -> {
                    try {
                        (send(random) ? answered : failed).increment();
                    } finally {
                        inFlight.release();
                    }
                });
            }
        }
        return new Step(rate, startMicros, startMicros + duration.toNanos() / 1000, sent.sum(), answered.sum(), failed.sum(), skipped);
    }

    private boolean send(SplittableRandom random) {
        double draw = random.nextDouble();
        Product product = draw < NEW_PRODUCTS ? null : idle.poll();
        try {
            if (product == null) {
                return create();
            }
            return draw < NEW_PRODUCTS + PRICE_CHANGES ? reprice(product, random) : restock(product, random);
        } catch (Exception e) {
            return false;
        }
    }

    private boolean create() throws Exception {
        ProductSeed seed = products.product(0, nextProduct.getAndIncrement());
        Response response = api.send(tenant, Request.post("/products", seed.createRequest(null)));
        long answeredAt = Clocks.nowMicros();
        if (response.status() != 201) {
            return false;
        }
        JsonNode created = response.json();
        String id = created.get("id").asText();
        long version = created.get("version").asLong();
        ledger.committed(new EventKey("product", id, version), answeredAt);
        idle.add(new Product(id, version, 0, seed.price(), seed.currency(), products.tenants().getFirst().warehouses()));
        return true;
    }

    private boolean reprice(Product product, SplittableRandom random) throws Exception {
        // Up or down by 2 to 10 %, and never to the same amount: a price set to what it is changes nothing, no event.
        double factor = 1 + (random.nextBoolean() ? 1 : -1) * (0.02 + random.nextDouble() * 0.08);
        BigDecimal price = product.price().multiply(BigDecimal.valueOf(factor)).setScale(product.price().scale(), RoundingMode.HALF_UP);
        if (price.compareTo(product.price()) == 0 || price.signum() <= 0) {
            price = product.price().add(BigDecimal.ONE);
        }
        Response response = api.send(tenant, Request.put("/products/" + product.id() + "/price",
                Map.of("amount", price.toPlainString(), "currency", product.currency())).ifMatch(product.version()));
        long answeredAt = Clocks.nowMicros();
        if (response.status() != 200) {
            return false;
        }
        long version = response.json().get("version").asLong();
        ledger.committed(new EventKey("product", product.id(), version), answeredAt);
        idle.add(new Product(product.id(), version, product.inventoryVersion(), price, product.currency(), product.warehouses()));
        return true;
    }

    private boolean restock(Product product, SplittableRandom random) throws Exception {
        String warehouse = product.warehouses().get(random.nextInt(product.warehouses().size()));
        Response response = api.send(tenant, Request.put("/products/" + product.id() + "/stock/" + warehouse,
                Map.of("quantity", random.nextInt(50))));
        long answeredAt = Clocks.nowMicros();
        if (response.status() != 200) {
            return false;
        }
        long version = response.json().get("version").asLong();
        // The same quantity again changes nothing and answers the version there was: no event to wait for.
        if (version > product.inventoryVersion()) {
            ledger.committed(new EventKey("inventory", product.id(), version), answeredAt);
        }
        idle.add(new Product(product.id(), product.version(), version, product.price(), product.currency(), product.warehouses()));
        return true;
    }
}
