package dev.catalog.systemtest.faults;

import static dev.catalog.systemtest.support.Bodies.product;
import static dev.catalog.systemtest.support.Bodies.uniqueSku;

import dev.catalog.systemtest.support.ApiAnswer;
import dev.catalog.systemtest.support.ApiCall;
import dev.catalog.systemtest.support.StackClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Commands at a steady rate through the HTTP API for one tenant: creates, renames, price changes, stock changes and
 * deletes, each writer on its own products. It keeps what every answer promised (a product at a version, a product
 * gone) and what every refusal must not have done, for {@link FaultOutcome} to hold the system to afterwards.
 *
 * <p>A writer forgets a product after any answer that is not 2xx: whether the command changed something is exactly
 * what is checked afterwards (it must not have), and going on with it would only turn that into a 412.
 */
final class CommandStream {

    /** What the answers promised about one product. */
    record Promise(String sku, String id, long version, boolean deleted) {
    }

    /** The status recorded for a command that got no answer at all (the runtime went away under it). */
    private static final int NO_ANSWER = 599;

    private final StackClient stack;
    private final String tenant;
    private final boolean answersMayBeLost;
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger succeeded = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger timedOut = new AtomicInteger();
    private final List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
    /** By product id: the last version a 2xx answer gave (product commands), or deleted. */
    private final Map<String, Promise> promises = new ConcurrentHashMap<>();
    /** SKUs of creates that were refused: no product may have them. */
    private final List<String> refusedCreates = java.util.Collections.synchronizedList(new ArrayList<>());

    CommandStream(StackClient stack, String tenant) {
        this(stack, tenant, false);
    }

    /**
     * @param answersMayBeLost whether a command may get no answer at all (the fault kills the process that answers):
     *                         its outcome is then unknown, like a client's after a dropped connection, so its product
     *                         is held to nothing but the read models' agreement with the write model
     */
    CommandStream(StackClient stack, String tenant, boolean answersMayBeLost) {
        this.stack = stack;
        this.tenant = tenant;
        this.answersMayBeLost = answersMayBeLost;
    }

    /** Runs {@code writers} writers of {@code ratePerWriter} commands/s each for {@code duration}; returns at the end. */
    void run(int writers, double ratePerWriter, Duration duration, Runnable fault, Duration faultAfter) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        long faultAt = System.nanoTime() + faultAfter.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers + 1)) {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                long seed = w;
                running.add(pool.submit(() -> write(new Random(seed), ratePerWriter, end)));
            }
            running.add(pool.submit(() -> {
                LockSupport.parkNanos(Math.max(0, faultAt - System.nanoTime()));
                fault.run();
            }));
            for (Future<?> writer : running) {
                writer.get();
            }
        }
    }

    private void write(Random random, double rate, long end) {
        long interval = (long) (1_000_000_000L / rate);
        long next = System.nanoTime();
        Promise current = null;
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            current = step(random, current);
        }
    }

    /** One command; answers the product the writer goes on with (none after a delete or a refusal). */
    private Promise step(Random random, Promise current) {
        if (current == null || current.version() >= 8) {
            String sku = uniqueSku();
            ApiAnswer answer = send(ApiCall.to("POST /products").tenant(tenant).json(product(sku)));
            if (answer.status() != 201) {
                if (answer.status() != NO_ANSWER) {
                    refusedCreates.add(sku);
                }
                return null;
            }
            return promise(new Promise(sku, answer.id(), answer.version(), false));
        }
        int pick = random.nextInt(10);
        if (pick < 3) {
            ApiAnswer answer = send(ApiCall.to("PATCH /products/{id}").with("id", current.id()).tenant(tenant)
                    .ifMatch(current.version()).json("{\"name\": \"Trail Shoe " + random.nextInt(1000) + "\"}"));
            return answer.status() == 200 ? promise(new Promise(current.sku(), current.id(), answer.version(), false)) : forget(current, answer);
        }
        if (pick < 6) {
            ApiAnswer answer = send(ApiCall.to("PUT /products/{id}/price").with("id", current.id()).tenant(tenant)
                    .ifMatch(current.version())
                    .json("{\"amount\": \"" + (10 + random.nextInt(90)) + ".50\", \"currency\": \"EUR\"}"));
            return answer.status() == 200 ? promise(new Promise(current.sku(), current.id(), answer.version(), false)) : forget(current, answer);
        }
        if (pick < 9) {
            ApiAnswer answer = send(ApiCall.to("PUT /products/{id}/stock/{warehouse}").with("id", current.id())
                    .with("warehouse", "W" + random.nextInt(3)).tenant(tenant)
                    .json("{\"quantity\": " + random.nextInt(500) + "}"));
            return answer.status() == 200 ? current : forget(current, answer);
        }
        ApiAnswer answer = send(ApiCall.to("DELETE /products/{id}").with("id", current.id()).tenant(tenant)
                .ifMatch(current.version()));
        if (answer.status() == 204) {
            promise(new Promise(current.sku(), current.id(), current.version(), true));
            return null;
        }
        return forget(current, answer);
    }

    /**
     * The writer leaves a product after a command that was not answered 2xx. Refused, the command changed nothing and
     * the product's last promise stands; unanswered, nobody knows what it did, so the product keeps no promise.
     */
    private Promise forget(Promise current, ApiAnswer answer) {
        if (answer.status() == NO_ANSWER) {
            promises.remove(current.id());
        }
        return null;
    }

    private Promise promise(Promise promise) {
        promises.put(promise.id(), promise);
        return promise;
    }

    /** Sends a command and counts its answer; a 5xx must be a 503 problem with Retry-After, anything else is noted. */
    private ApiAnswer send(ApiCall call) {
        sent.incrementAndGet();
        ApiAnswer answer;
        try {
            answer = stack.overHttp(call);
        } catch (AssertionError noAnswer) {
            if (answersMayBeLost) {
                unanswered.incrementAndGet();
            } else {
                unexpected.add(call.routeKey() + ": no answer: " + noAnswer.getMessage());
            }
            return new ApiAnswer(NO_ANSWER, Map.of(), null);
        }
        if (answer.status() / 100 == 2) {
            succeeded.incrementAndGet();
        } else if (answer.status() == 503 && answer.header("Retry-After").isPresent()
                && answer.header("Content-Type").orElse("").startsWith("application/problem+json")
                && "service_unavailable".equals(answer.code())) {
            unavailable.incrementAndGet();
        } else if (answer.status() == 500 && "{\"message\":\"Internal Server Error\"}".equals(answer.body())) {
            // API Gateway's own answer when the function did not answer within its timeout (15 s): reported apart,
            // and checked like every refusal: it must have changed nothing.
            timedOut.incrementAndGet();
        } else {
            unexpected.add(call.routeKey() + ": " + answer);
        }
        return answer;
    }

    String tenant() {
        return tenant;
    }

    int sent() {
        return sent.get();
    }

    int succeeded() {
        return succeeded.get();
    }

    int unavailable() {
        return unavailable.get();
    }

    int timedOut() {
        return timedOut.get();
    }

    /** Commands that got no answer at all, where the stream allows that. */
    int unanswered() {
        return unanswered.get();
    }

    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    Map<String, Promise> promises() {
        return Map.copyOf(promises);
    }

    List<String> refusedCreates() {
        return List.copyOf(refusedCreates);
    }
}
