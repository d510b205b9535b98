package dev.catalog.local.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.bench.EventLedger.EventKey;
import dev.catalog.local.bench.EventLedger.Stage;
import dev.catalog.local.bench.EventLedger.Timeline;
import dev.catalog.local.client.CatalogClient;
import dev.catalog.local.seed.CatalogGenerator;
import dev.catalog.local.seed.SeedPlan;
import dev.catalog.local.seed.Vocabulary;
import dev.catalog.local.services.postgres.PostgresConnection;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * {@code ./catalog bench lag}: how long a committed command takes to reach each stage of the pipeline, at steady
 * command rates, and the highest rate the whole pipeline sustains without its lag growing.
 *
 * <p>Commit time is when the command's 2xx answer reached the benchmark: the transaction committed before the
 * function answered, so this is the latest the commit can have been and every figure is, if anything, slightly low
 * (by the answer's trip over loopback). The event's {@code occurred_at}, stamped by the command before it commits, is
 * the earliest; how far the two lie apart is printed too. From there, each event, matched by aggregate id and version,
 * is timed to: its record on a catalog.* topic (received by a consumer of the benchmark's own); its version in
 * {@code catalog_read.product_detail}; its version returned by a search of the {@code products} alias (searchable
 * means refreshed: the index refreshes every second). The detail read model is polled every {@value #POLL_MILLIS} ms,
 * search every {@link SearchVersions#POLL_INTERVAL} (each search costs OpenSearch more, and changes only at a refresh).
 */
public final class LagBenchmark {

    static final int POLL_MILLIS = 20;
    /** How long after a step its events may take to show before they count as lost (and the step as not sustained). */
    static final Duration DRAIN = Duration.ofSeconds(30);
    /** A step is sustained when its lag at the end is at most this factor of its lag at the start, ... */
    static final double GROWTH_FACTOR = 1.5;
    /** ... or at most this much above it (small lags jitter by a refresh interval). */
    static final long GROWTH_MARGIN_MICROS = 300_000;
    /** ... and the API answered at least this share of the commands offered. */
    static final double ANSWERED_SHARE = 0.95;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The events the commands of the run write (products and their stock); the event topic carries every kind. */
    private static final Set<String> TIMED_AGGREGATES = Set.of("product", "inventory");

    /**
     * @param rates      the steady rates measured one after the other, commands per second
     * @param ramp       then the rates tried in search of the highest sustained one
     * @param burstRows  outbox rows inserted at once to measure what Debezium alone delivers to Kafka; 0 skips it
     * @param burstProducts products (about ten events each) written at once to measure each read model's throughput
     *                      beside Debezium's; 0 skips it
     */
    public record Settings(CatalogClient api, PostgresConnection database, String kafkaBootstrapServers, URI openSearch,
                           PipelineKnobs knobs, List<Integer> rates, Duration duration, Ramp ramp, int burstRows,
                           int burstProducts) {
    }

    /** From {@code from} commands/s, times {@code factor} each step of {@code step}, up to {@code max}. */
    public record Ramp(int from, double factor, Duration step, int max) {
    }

    private final Settings settings;
    private final String tenant = "bench-lag-" + UUID.randomUUID().toString().substring(0, 8);
    private final EventLedger ledger = new EventLedger();

    public LagBenchmark(Settings settings) {
        this.settings = settings;
    }

    public void run(PrintStream out) throws Exception {
        out.printf("Pipeline lag, tenant %s. This machine: %d cores, shared with everything else running on it.%n",
                tenant, Runtime.getRuntime().availableProcessors());
        settings.knobs().print(out);
        out.printf("Commit = the command's 2xx answer at the client (the latest the commit can be); the detail read model "
                + "polled every %d ms, search every %d ms.%n%n", POLL_MILLIS, SearchVersions.POLL_INTERVAL.toMillis());
        Vocabulary vocabulary = Vocabulary.standard();
        CommandDriver driver = new CommandDriver(settings.api(), tenant,
                new CatalogGenerator(vocabulary, new SeedPlan(1, 0, List.of(tenant))), ledger);
        try (KafkaWatcher kafka = new KafkaWatcher(settings.kafkaBootstrapServers(),
                List.of(CatalogTopics.EVENTS), this::onRecord);
             VisibilityPoller detail = new VisibilityPoller(Stage.DETAIL, ledger, new DetailVersions(settings.database(), tenant),
                     Duration.ofMillis(POLL_MILLIS));
             VisibilityPoller search = new VisibilityPoller(Stage.SEARCH, ledger, new SearchVersions(settings.openSearch()),
                     SearchVersions.POLL_INTERVAL)) {
            // Warms the JIT, the connection pools and the functions; not reported.
            drain(driver.drive(settings.rates().getFirst(), Duration.ofSeconds(5)));

            for (int rate : settings.rates()) {
                CommandDriver.Step step = driver.drive(rate, settings.duration());
                drain(step);
                printStages(step, out);
            }
            if (settings.ramp().max() >= settings.ramp().from()) {
                ramp(driver, out);
            }
        }
        if (settings.burstRows() > 0) {
            new DebeziumThroughput(settings.database(), settings.kafkaBootstrapServers()).measure(settings.burstRows(), out);
        }
        if (settings.burstProducts() > 0) {
            new ProjectionThroughput(settings.database(), settings.kafkaBootstrapServers(), settings.openSearch())
                    .measure(settings.burstProducts(), out);
        }
    }

    private void onRecord(ConsumerRecord<String, String> record) {
        long at = Clocks.nowMicros();
        if (record.key() == null || !record.key().startsWith(tenant + ":")) {
            return;
        }
        String aggregateType = header(record, "aggregate_type").asText();
        if (!TIMED_AGGREGATES.contains(aggregateType)) {
            return;
        }
        EventKey key = new EventKey(aggregateType, header(record, "aggregate_id").asText(),
                header(record, "aggregate_version").asLong());
        ledger.seen(Stage.KAFKA, key, at);
        ledger.occurredAt(key, Clocks.micros(Instant.parse(header(record, "occurred_at").asText())));
    }

    /** Waits until every event of the step is seen at every stage, or {@link #DRAIN} has passed. */
    private void drain(CommandDriver.Step step) throws InterruptedException {
        ledger.awaitSeen(DRAIN, step.startMicros(), Stage.values());
    }

    private void printStages(CommandDriver.Step step, PrintStream out) {
        List<Timeline> events = ledger.committedBetween(step.startMicros(), step.endMicros());
        out.printf("%.0f commands/s for %.0f s: %,d sent, %,d answered 2xx (%.1f/s), %,d failed, %,d not sent (%d in flight)%n",
                step.rate(), step.seconds(), step.sent(), step.answered(), step.answeredRate(), step.failed(), step.skipped(),
                CommandDriver.MAX_IN_FLIGHT);
        out.printf("  %-40s %9s %9s %9s %9s %12s%n", "stage (from commit)", "p50 ms", "p95 ms", "p99 ms", "max ms", "seen");
        printStage(out, "on Kafka (catalog.*)", events, timeline -> timeline.latency(Stage.KAFKA));
        printStage(out, "in catalog_read.product_detail", events, timeline -> timeline.latency(Stage.DETAIL));
        printStage(out, "searchable in products (refresh 1 s)", events, timeline -> timeline.latency(Stage.SEARCH));
        printStage(out, "in both read models", events, Timeline::readModelsLatency);
        printStage(out, "(occurred_at to the answer)", events, timeline -> timeline.occurredAt() < 0 ? -1
                : timeline.committed() - timeline.occurredAt());
        out.println();
    }

    private static void printStage(PrintStream out, String name, List<Timeline> events, ToLongFunction<Timeline> latency) {
        LatencyRecorder recorder = new LatencyRecorder();
        events.forEach(timeline -> {
            long micros = latency.applyAsLong(timeline);
            if (micros >= 0) {
                recorder.record(micros * 1000);
            }
        });
        out.printf("  %-40s %9.1f %9.1f %9.1f %9.1f %,6d/%,-6d%n", name, recorder.percentileMillis(50), recorder.percentileMillis(95),
                recorder.percentileMillis(99), recorder.percentileMillis(100), recorder.count(), events.size());
    }

    /**
     * Raises the rate step by step until a step is not sustained: its lag grew from its first quarter to its last
     * (median time to both read models), some events never showed, or the API could not take the rate.
     */
    private void ramp(CommandDriver driver, PrintStream out) throws InterruptedException {
        Ramp ramp = settings.ramp();
        out.printf("Ramp: from %d commands/s, x%.2f per %d s step; sustained = the API answers >= %.0f %% of the rate, every event shows "
                        + "within %d s, and the median lag of the step's last quarter is <= %.1fx (or +%d ms) its first quarter's%n",
                ramp.from(), ramp.factor(), ramp.step().toSeconds(), ANSWERED_SHARE * 100, DRAIN.toSeconds(), GROWTH_FACTOR,
                GROWTH_MARGIN_MICROS / 1000);
        out.printf("  %8s %10s %23s %27s   %s%n", "rate/s", "answered/s", "Kafka p50 first>last ms", "read models p50 first>last ms", "verdict");
        int sustained = 0;
        String stoppedBy = "the ramp's maximum, " + ramp.max() + "/s";
        for (double rate = ramp.from(); rate <= ramp.max(); rate *= ramp.factor()) {
            CommandDriver.Step step = driver.drive(Math.round(rate), ramp.step());
            drain(step);
            StepVerdict verdict = StepVerdict.of(step, ledger);
            out.printf("  %8.0f %10.1f %11.0f > %-9.0f %13.0f > %-11.0f   %s%n", step.rate(), step.answeredRate(),
                    verdict.kafkaFirst() / 1000.0, verdict.kafkaLast() / 1000.0, verdict.readModelsFirst() / 1000.0,
                    verdict.readModelsLast() / 1000.0, verdict.describe());
            if (!verdict.sustained()) {
                stoppedBy = verdict.describe() + " at " + Math.round(rate) + "/s";
                break;
            }
            sustained = (int) Math.round(rate);
        }
        out.printf("Highest rate the whole pipeline sustained: %s (stopped by %s)%n%n",
                sustained == 0 ? "none of the ramp's rates" : sustained + " commands/s", stoppedBy);
    }

    /** Whether a ramp step was sustained, and the lags it was judged on (microseconds). */
    record StepVerdict(boolean apiKeptUp, long lost, long kafkaFirst, long kafkaLast, long readModelsFirst, long readModelsLast) {

        static StepVerdict of(CommandDriver.Step step, EventLedger ledger) {
            long quarter = (step.endMicros() - step.startMicros()) / 4;
            List<Timeline> first = ledger.committedBetween(step.startMicros(), step.startMicros() + quarter);
            List<Timeline> last = ledger.committedBetween(step.endMicros() - quarter, step.endMicros());
            long lost = ledger.committedBetween(step.startMicros(), step.endMicros()).stream()
                    .filter(timeline -> timeline.readModelsLatency() < 0).count();
            return new StepVerdict(step.answeredRate() >= ANSWERED_SHARE * step.rate(), lost,
                    median(first, timeline -> timeline.latency(Stage.KAFKA)), median(last, timeline -> timeline.latency(Stage.KAFKA)),
                    median(first, Timeline::readModelsLatency), median(last, Timeline::readModelsLatency));
        }

        boolean sustained() {
            return apiKeptUp && lost == 0 && !grew(readModelsFirst, readModelsLast);
        }

        String describe() {
            if (!apiKeptUp) {
                return "not sustained: the command API answered fewer than " + Math.round(ANSWERED_SHARE * 100) + " % of the commands";
            }
            if (lost > 0) {
                return "not sustained: " + lost + " events not in both read models " + DRAIN.toSeconds() + " s after the step";
            }
            if (grew(readModelsFirst, readModelsLast)) {
                return "not sustained: the read models' lag grew" + (grew(kafkaFirst, kafkaLast) ? " (and Kafka's)" : " (Kafka's did not)");
            }
            return "sustained";
        }

        private static boolean grew(long first, long last) {
            return last > Math.max(first * GROWTH_FACTOR, first + GROWTH_MARGIN_MICROS);
        }

        private static long median(List<Timeline> events, ToLongFunction<Timeline> latency) {
            long[] values = events.stream().mapToLong(latency).map(value -> value < 0 ? DRAIN.toNanos() / 1000 : value).sorted().toArray();
            return values.length == 0 ? 0 : values[values.length / 2];
        }
    }

    private static JsonNode header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new IllegalStateException("record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " has no " + name);
        }
        try {
            return JSON.readTree(new String(header.value(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("header " + name + " is not JSON", e);
        }
    }
}
