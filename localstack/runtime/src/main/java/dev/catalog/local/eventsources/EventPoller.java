package dev.catalog.local.eventsources;

import dev.catalog.local.eventsources.FailureDestination.Condition;
import dev.catalog.local.eventsources.FailureDestination.Failure;
import dev.catalog.local.eventsources.FailureDestination.LastInvocation;
import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.functions.LambdaInvoker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The event poller of one mapping: a consumer in the mapping's group that gathers batches and invokes the function
 * with them, one batch at a time, as Lambda's Kafka poller does ("Lambda reads messages sequentially for each Kafka
 * topic partition. A single Lambda payload can contain messages from multiple partitions.", with-msk-configure.html).
 * So a partition never has two batches in flight and its records reach the function in offset order.
 *
 * <p>Offsets are committed only for records that are done: processed by the function, or given up after the retry
 * policy (and then written to the on-failure destination first). A stop between the two commits nothing of the
 * batch in flight; its records are delivered again by the next start.
 *
 * <p>What is done is committed at most once per {@link EventSourceSettings#commitInterval()} (a second), as
 * Kafka's own auto-commit does (every five seconds), not after every batch: at a hundred commands a second a batch
 * holds a record or two, and each synchronous commit is a round trip that blocks the poller and a write to the
 * broker's offsets log. What is done is committed whenever the poller stops, gives partitions up or rewinds; a
 * poller killed outright delivers up to a second of batches again, which a function must take anyway: delivery is at
 * least once.
 */
final class EventPoller implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(EventPoller.class);
    private static final Duration IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration IDLE_FETCH_WAIT = Duration.ofSeconds(5);
    private static final Duration MINIMUM_POLL_INTERVAL = Duration.ofMinutes(5);
    private static final Duration POLL_INTERVAL_MARGIN = Duration.ofMinutes(1);

    private final MappingDefinition mapping;
    private final LambdaInvoker functions;
    private final EventSourceSettings settings;
    private final MappingProgress progress;
    private final KafkaEvents events;
    private final Consumer<byte[], byte[]> consumer;
    private final Optional<FailureDestination> destination;
    private final Clock clock = Clock.systemUTC();
    /** Polled, not yet in a batch, in the order Kafka returned them (each partition's in offset order). */
    private final Deque<ConsumerRecord<byte[], byte[]>> fetched = new ArrayDeque<>();
    /** Offsets up to which records are done, not committed yet, per partition. */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private long commitDue = System.nanoTime();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private CommitTracker inFlight;
    private boolean inFlightRevoked;
    private boolean rewindNeeded;
    private volatile boolean stopping;

    EventPoller(MappingDefinition mapping, LambdaInvoker functions, EventSourceSettings settings,
                MappingProgress progress) {
        this.mapping = mapping;
        this.functions = functions;
        this.settings = settings;
        this.progress = progress;
        this.events = new KafkaEvents(mapping.eventSourceArn(), settings.bootstrapServers());
        this.consumer = new KafkaConsumer<>(consumerConfiguration(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.destination = mapping.failureTopic().map(topic -> FailureDestination.connect(topic,
                settings.bootstrapServers(), clientId() + "-on-failure", events, settings.functionArn(mapping.functionName())));
    }

    /** Asks the poller to stop after the invocation in progress, if any; returns at once. */
    void stop() {
        stopping = true;
        stopRequested.countDown();
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(mapping.topics(), new Rebalancing());
            while (!stopping) {
                try {
                    if (rewindNeeded) {
                        rewind();
                    }
                    nextBatch().ifPresent(this::process);
                } catch (WakeupException | InterruptException | CancellationException e) {
                    throw e;
                } catch (RuntimeException e) {
                    pauseAfter(e);
                }
            }
        } catch (WakeupException | InterruptException | CancellationException e) {
            log.debug("{} stops", mapping.name());
        } catch (RuntimeException e) {
            log.error("{} stopped: {}", mapping.name(), e.toString(), e);
            progress.error(e.toString());
        } finally {
            Thread.interrupted();  // a forced stop interrupted this thread; closing must still reach the broker
            commitDoneOrDeliverItAgain("as the poller stops");
            destination.ifPresent(FailureDestination::close);
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            progress.state(MappingState.STOPPED);
        }
    }

    /**
     * Gathers the next batch: up to BatchSize records and the payload limit, waiting at most the batching window
     * from the batch's first record ("A batching window begins as soon as the first record arrives",
     * invocation-eventsourcemapping.html). Empty when the poller is stopping.
     */
    private Optional<Batch> nextBatch() {
        BatchBuilder batch = new BatchBuilder();
        long windowEnd = 0;
        while (!stopping) {
            while (!fetched.isEmpty() && batch.offer(fetched.peekFirst())) {
                fetched.removeFirst();
            }
            if (batch.full() || !fetched.isEmpty()) {
                break;  // the next fetched record does not fit: the batch is as big as it gets
            }
            if (!batch.isEmpty() && windowEnd == 0) {
                windowEnd = System.nanoTime() + mapping.batchingWindow().toNanos();
            }
            long remaining = windowEnd - System.nanoTime();
            if (!batch.isEmpty() && remaining <= 0) {
                break;
            }
            if (batch.isEmpty()) {
                commitIfDue();
            }
            consumer.poll(batch.isEmpty() ? idlePoll() : Duration.ofNanos(remaining)).forEach(fetched::add);
        }
        return batch.isEmpty() || stopping ? Optional.empty() : Optional.of(batch.build());
    }

    private void process(Batch batch) {
        consumer.pause(consumer.assignment());  // nothing is fetched for the batch's partitions while it is retried
        inFlight = new CommitTracker(batch);
        inFlightRevoked = false;
        try {
            Deque<Attempt> attempts = new ArrayDeque<>();
            attempts.push(new Attempt(batch, 0, 0, Optional.empty()));
            while (!attempts.isEmpty() && !stopping && !inFlightRevoked) {
                attempt(attempts.pop(), attempts);
                uncommitted.putAll(inFlight.advanced());
            }
            commitIfDue();
            rewindNeeded = inFlightRevoked;
        } finally {
            inFlight = null;
            consumer.resume(consumer.paused());
            progress.state(stopping ? MappingState.STOPPED : MappingState.ENABLED);
        }
    }

    private void attempt(Attempt attempt, Deque<Attempt> next) {
        Instant now = clock.instant();
        Predicate<ConsumerRecord<byte[], byte[]>> expired =
                record -> mapping.retryPolicy().expired(Instant.ofEpochMilli(record.timestamp()), now);
        List<ConsumerRecord<byte[], byte[]>> tooOld = attempt.batch().select(expired);
        if (!tooOld.isEmpty()) {
            giveUp(tooOld, new Failure(Condition.RECORD_AGE_EXCEEDED, attempt.invocations(), attempt.last()));
        }
        List<ConsumerRecord<byte[], byte[]>> live = attempt.batch().select(expired.negate());
        if (live.isEmpty()) {
            return;
        }
        Batch batch = new Batch(live);
        byte[] event = events.write(live);
        if (event.length > settings.payloadLimit()) {
            // Batches are cut below the limit; only a record too big on its own gets here.
            giveUp(live, new Failure(Condition.MAXIMUM_PAYLOAD_SIZE_EXCEEDED, attempt.invocations(), Optional.empty()));
            return;
        }
        InvocationResult result = functions.invoke(mapping.functionLogicalId(), event);
        BatchOutcome outcome = BatchOutcome.of(result, batch, mapping.reportsBatchItemFailures());
        logInvocation(batch, event.length, attempt.retries(), result, outcome);
        LastInvocation last = new LastInvocation(result.requestId(), result instanceof InvocationResult.FunctionError
                ? Optional.of("Unhandled") : Optional.empty());
        Attempt failed = new Attempt(batch, attempt.retries(), attempt.invocations() + 1, Optional.of(last));
        switch (outcome) {
            case BatchOutcome.Succeeded succeeded -> inFlight.done(batch.records());
            case BatchOutcome.PartiallyFailed partial -> {
                Predicate<ConsumerRecord<byte[], byte[]>> beforeFailure = record ->
                        record.offset() < partial.firstFailures().getOrDefault(Batch.partition(record), Long.MAX_VALUE);
                inFlight.done(batch.select(beforeFailure));
                retryOrGiveUp(failed.with(new Batch(batch.select(beforeFailure.negate()))), next);
            }
            case BatchOutcome.Failed failure when failure.functionError()
                    && mapping.retryPolicy().bisectOnFunctionError() && batch.size() > 1 -> {
                List<Batch> halves = batch.halves();
                next.push(failed.with(halves.getLast()));
                next.push(failed.with(halves.getFirst()));
            }
            case BatchOutcome.Failed failure -> retryOrGiveUp(failed, next);
        }
    }

    private void retryOrGiveUp(Attempt failed, Deque<Attempt> next) {
        if (!mapping.retryPolicy().allowsRetry(failed.retries())) {
            giveUp(failed.batch().records(), new Failure(Condition.RETRY_ATTEMPTS_EXHAUSTED, failed.invocations(),
                    failed.last()));
            return;
        }
        progress.state(MappingState.RETRYING);
        int retry = failed.retries() + 1;
        waitPolling(settings.retryBackoff().before(retry));
        next.push(new Attempt(failed.batch(), retry, failed.invocations(), failed.last()));
    }

    private void logInvocation(Batch batch, int eventBytes, int retry, InvocationResult result, BatchOutcome outcome) {
        String described = describe(outcome);
        progress.invoked(clock.instant(), described, retry > 0);
        // Lambda's event source mappings log nothing for a batch that succeeded (the function's own line says what it
        // did), and a line per batch is a real part of the runtime's cost under load: DEBUG, failures WARN.
        log.atLevel(outcome instanceof BatchOutcome.Succeeded ? Level.DEBUG : Level.WARN)
                .addKeyValue("mapping", mapping.name())
                .addKeyValue("function", mapping.functionLogicalId())
                .addKeyValue("records", batch.size())
                .addKeyValue("partitions", batch.describe())
                .addKeyValue("payloadBytes", eventBytes)
                .addKeyValue("durationMs", result.duration().toMillis())
                .addKeyValue("retry", retry)
                .addKeyValue("result", described)
                .addKeyValue("requestId", result.requestId())
                .log("{} invoked with {} records [{}] in {} ms, retry {}: {}", mapping.name(), batch.size(),
                        batch.describe(), result.duration().toMillis(), retry, described);
    }

    private static String describe(BatchOutcome outcome) {
        return switch (outcome) {
            case BatchOutcome.Succeeded succeeded -> "OK";
            case BatchOutcome.PartiallyFailed partial -> "PARTIAL_FAILURE from " + partial.firstFailures().entrySet()
                    .stream().map(failure -> failure.getKey() + "@" + failure.getValue()).collect(Collectors.joining(","));
            case BatchOutcome.Failed failure -> "FAILED: " + failure.reason();
        };
    }

    /** Records are given up: written to the on-failure destination if there is one, skipped if not. */
    private void giveUp(List<ConsumerRecord<byte[], byte[]>> records, Failure failure) {
        String range = new Batch(records).describe();
        if (destination.isPresent()) {
            destination.get().send(records, failure);
            progress.sentToDestination(records.size());
            log.warn("{}: {} records [{}] sent to on-failure destination {} ({}, {} invocations)", mapping.name(),
                    records.size(), range, destination.get().topic(), failure.condition().value(),
                    failure.approximateInvokeCount());
        } else {
            progress.discarded(records.size());
            log.warn("{}: {} records [{}] skipped ({}, {} invocations) and no on-failure destination is set",
                    mapping.name(), records.size(), range, failure.condition().value(), failure.approximateInvokeCount());
        }
        inFlight.done(records);
    }

    /** Waits for records no longer than until what is done is due to be committed. */
    private Duration idlePoll() {
        if (uncommitted.isEmpty()) {
            return IDLE_POLL;
        }
        long untilDue = commitDue - System.nanoTime();
        return untilDue <= 0 ? Duration.ZERO : Duration.ofNanos(Math.min(untilDue, IDLE_POLL.toNanos()));
    }

    private void commitIfDue() {
        if (!uncommitted.isEmpty() && System.nanoTime() - commitDue >= 0) {
            commitDone();
        }
    }

    /** Commits what is done, of the partitions this poller still owns. */
    private void commitDone() {
        Map<TopicPartition, OffsetAndMetadata> owned = new HashMap<>(uncommitted);
        owned.keySet().retainAll(consumer.assignment());
        if (!owned.isEmpty()) {
            try {
                consumer.commitSync(owned);
            } catch (WakeupException e) {
                // stop() woke the consumer while the function ran: that work is done, so it is committed all the same
                consumer.commitSync(owned);
            }
        }
        uncommitted.clear();
        commitDue = System.nanoTime() + settings.commitInterval().toNanos();
    }

    /**
     * Commits what is done if the broker takes it; if not (a rebalance made this member's generation stale, the
     * broker is gone), those records are delivered again rather than the poller being stuck on a commit.
     */
    private void commitDoneOrDeliverItAgain(String when) {
        try {
            commitDone();
        } catch (RuntimeException e) {
            // An interrupt (a forced stop) is not lost: Kafka's InterruptException sets the flag again, and the
            // next blocking call throws it.
            log.warn("{}: committing what is done failed {}; those records will be delivered again: {}",
                    mapping.name(), when, e.toString());
            uncommitted.clear();
        }
    }

    /** Waits, polling so the consumer stays in its group; records of partitions assigned meanwhile are kept. */
    private void waitPolling(Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        for (long remaining = wait.toNanos(); remaining > 0; remaining = end - System.nanoTime()) {
            consumer.poll(Duration.ofNanos(remaining)).forEach(fetched::add);
        }
    }

    /**
     * After an error outside the function (the cluster, the destination): wait the longest backoff, then commit what
     * is done, forget what was fetched and go on from the committed offsets. Records may be delivered twice, never
     * skipped.
     */
    private void pauseAfter(RuntimeException error) {
        log.error("{}: {}; resuming from the committed offsets in {} ms", mapping.name(), error,
                settings.retryBackoff().maximum().toMillis(), error);
        progress.error(error.toString());
        progress.state(MappingState.RETRYING);
        rewindNeeded = true;
        try {
            stopRequested.await(settings.retryBackoff().maximum().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private void rewind() {
        commitDoneOrDeliverItAgain("before going back to the committed offsets");
        fetched.clear();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(consumer.assignment());
        List<TopicPartition> neverCommitted = new ArrayList<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                consumer.seek(partition, offset);
            } else {
                neverCommitted.add(partition);
            }
        });
        startNewPartitions(neverCommitted);
        rewindNeeded = false;
        progress.state(MappingState.ENABLED);
    }

    /**
     * A partition the group has no committed offset for starts at the StartingPosition; an existing group goes on
     * from its committed offsets ("Lambda ignores the StartingPosition", kafka-consumer-group-id.html). The start is
     * committed at once, so it is fixed: a restart before the first batch does not move a LATEST mapping forward.
     */
    private void startNewPartitions(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
        List<TopicPartition> fresh = partitions.stream().filter(partition -> committed.get(partition) == null).toList();
        if (fresh.isEmpty()) {
            return;
        }
        switch (mapping.startingPosition()) {
            case TRIM_HORIZON -> consumer.seekToBeginning(fresh);
            case LATEST -> consumer.seekToEnd(fresh);
            case AT_TIMESTAMP -> {
                long timestamp = mapping.startingPositionTimestamp().orElseThrow().toEpochMilli();
                Map<TopicPartition, Long> query = new HashMap<>();
                fresh.forEach(partition -> query.put(partition, timestamp));
                Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
                for (TopicPartition partition : fresh) {
                    OffsetAndTimestamp offset = found.get(partition);
                    if (offset != null) {
                        consumer.seek(partition, offset.offset());
                    } else {
                        consumer.seekToEnd(List.of(partition));
                    }
                }
            }
        }
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        fresh.forEach(partition -> start.put(partition, new OffsetAndMetadata(consumer.position(partition))));
        consumer.commitSync(start);
        log.info("{}: group {} starts {} at {} ({})", mapping.name(), mapping.consumerGroupId(),
                fresh.size() == 1 ? "partition" : "partitions", describe(start), mapping.startingPosition());
    }

    private static String describe(Map<TopicPartition, OffsetAndMetadata> offsets) {
        return offsets.entrySet().stream().map(offset -> offset.getKey() + "@" + offset.getValue().offset())
                .sorted().collect(Collectors.joining(","));
    }

    private Map<String, Object> consumerConfiguration() {
        Duration pollInterval = mapping.functionTimeout().plus(POLL_INTERVAL_MARGIN);
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, mapping.consumerGroupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, clientId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                // Only for a committed offset whose records the log no longer has: go on from the oldest one left.
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, mapping.batchSize(),
                // The broker answers a fetch as soon as one record is there (fetch.min.bytes 1), so a longer wait
                // adds no latency; it only spares the idle broker a fetch round trip every 500 ms per mapping.
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) IDLE_FETCH_WAIT.toMillis(),
                // An invocation blocks polling; the group must not evict the poller while the function runs.
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) (pollInterval.compareTo(MINIMUM_POLL_INTERVAL) > 0 ? pollInterval : MINIMUM_POLL_INTERVAL).toMillis());
    }

    private String clientId() {
        return "event-source-mapping-" + mapping.functionLogicalId() + "-" + mapping.eventName();
    }

    /**
     * Records still to be handed to the function, with what they went through.
     *
     * @param retries     retries so far (a bisection is not one)
     * @param invocations invocations that included these records, for {@code approximateInvokeCount}
     */
    private record Attempt(Batch batch, int retries, int invocations, Optional<LastInvocation> last) {

        Attempt with(Batch records) {
            return new Attempt(records, retries, invocations, last);
        }
    }

    /** A batch being filled: BatchSize records at most, and no more bytes than the payload limit. */
    private final class BatchBuilder {

        private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        private final Set<TopicPartition> partitions = new LinkedHashSet<>();
        private int size = events.envelopeSize();

        /** Adds the record if it fits; a record too big for any batch goes alone, and is given up. */
        boolean offer(ConsumerRecord<byte[], byte[]> record) {
            if (full()) {
                return false;
            }
            TopicPartition partition = Batch.partition(record);
            int added = events.recordSize(record) + (partitions.contains(partition) ? 0 : events.partitionEntrySize(partition));
            if (!records.isEmpty() && size + added > settings.payloadLimit()) {
                return false;
            }
            records.add(record);
            partitions.add(partition);
            size += added;
            return true;
        }

        boolean full() {
            return records.size() >= mapping.batchSize() || size >= settings.payloadLimit();
        }

        boolean isEmpty() {
            return records.isEmpty();
        }

        Batch build() {
            return new Batch(records);
        }
    }

    private final class Rebalancing implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            startNewPartitions(partitions);
            if (inFlight == null) {
                progress.state(MappingState.ENABLED);
            }
        }

        /** The group gives partitions to another member: what is done is committed, the in-flight batch dropped. */
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (inFlight != null) {
                uncommitted.putAll(inFlight.advanced());
            }
            commitDone();
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        private void forget(Collection<TopicPartition> partitions) {
            uncommitted.keySet().removeAll(partitions);
            fetched.removeIf(record -> partitions.contains(Batch.partition(record)));
            if (inFlight != null && inFlight.covers(partitions)) {
                inFlightRevoked = true;
            }
        }
    }
}
