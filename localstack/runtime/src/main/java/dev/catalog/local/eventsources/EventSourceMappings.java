package dev.catalog.local.eventsources;

import dev.catalog.local.functions.LambdaInvoker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event source mappings of template.yaml, run against the local Kafka cluster as Lambda runs MSK event source
 * mappings: each one a consumer in its group, invoking its function with batches in the {@code KafkaEvent} shape.
 *
 * <pre>{@code
 * List<MappingDefinition> mappings = MappingDefinition.of(template);     // refuses what cannot run locally
 * try (EventSourceMappings running = EventSourceMappings.start(mappings, functionHost,
 *         EventSourceSettings.local(kafka.bootstrapServers()))) {
 *     running.status();                                                  // group, state, retries, lag...
 * }
 * }</pre>
 */
public final class EventSourceMappings implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EventSourceMappings.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration ABANDON_TIMEOUT = Duration.ofSeconds(10);

    private final Admin admin;
    private final LambdaInvoker functions;
    private final EventSourceSettings settings;
    private volatile List<Mapping> mappings;
    private volatile boolean closed;

    private EventSourceMappings(Admin admin, List<Mapping> mappings, LambdaInvoker functions, EventSourceSettings settings) {
        this.admin = admin;
        this.mappings = List.copyOf(mappings);
        this.functions = functions;
        this.settings = settings;
    }

    /**
     * Starts a poller for every enabled mapping; returns once they are started, not once they joined their groups.
     *
     * @throws IllegalStateException when a source or destination topic does not exist in the cluster (Lambda does
     *                               not create topics either)
     */
    public static EventSourceMappings start(List<MappingDefinition> definitions, LambdaInvoker functions,
                                            EventSourceSettings settings) {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "event-source-mappings",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis() / 2,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
        List<Mapping> mappings = new ArrayList<>();
        try {
            requireTopics(admin, definitions, settings);
            for (MappingDefinition definition : definitions) {
                mappings.add(Mapping.start(definition, functions, settings));
            }
            return new EventSourceMappings(admin, mappings, functions, settings);
        } catch (RuntimeException e) {
            stopAll(mappings, settings);
            admin.close(ADMIN_TIMEOUT);
            throw e;
        }
    }

    /** Every mapping, with its consumer group's lag per partition as the cluster reports it now (none once closed). */
    public List<MappingStatus> status() {
        return mappings.stream().map(mapping -> mapping.progress()
                .snapshot(closed ? List.of() : lag(mapping.definition()))).toList();
    }

    /** Every mapping as its poller knows it, without asking the cluster: for when the cluster does not answer. */
    public List<MappingStatus> statusWithoutLag() {
        return mappings.stream().map(mapping -> mapping.progress().snapshot(List.of())).toList();
    }

    /**
     * Disables or enables the mappings of one function, as Lambda's {@code UpdateEventSourceMapping} with
     * {@code Enabled} does: a disabled mapping stops polling (its running invocation finishes and is committed) and
     * keeps its consumer group's offsets; enabled again, it resumes from them.
     */
    public synchronized void setEnabled(String functionLogicalId, boolean enabled) {
        List<Mapping> updated = new ArrayList<>();
        for (Mapping mapping : mappings) {
            if (!mapping.definition().functionLogicalId().equals(functionLogicalId) || (mapping.poller() != null) == enabled) {
                updated.add(mapping);
            } else if (enabled) {
                updated.add(Mapping.resume(mapping, functions, settings));
            } else {
                mapping.requestStop();
                mapping.awaitStop(settings.stopTimeout());
                updated.add(new Mapping(mapping.definition(), mapping.progress(), null, null));
                log.info("event source mapping {} disabled", mapping.definition().name());
            }
        }
        mappings = List.copyOf(updated);
    }

    /**
     * Stops every poller: the invocation running, if any, may finish within the stop timeout and its work is
     * committed; after that it is abandoned and nothing of its batch is committed. No new batch starts.
     */
    @Override
    public void close() {
        closed = true;
        stopAll(mappings, settings);
        admin.close(ADMIN_TIMEOUT);
    }

    private static void stopAll(List<Mapping> mappings, EventSourceSettings settings) {
        mappings.forEach(Mapping::requestStop);
        for (Mapping mapping : mappings) {
            mapping.awaitStop(settings.stopTimeout());
        }
    }

    private List<MappingStatus.PartitionLag> lag(MappingDefinition mapping) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(mapping.consumerGroupId())
                    .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<TopicPartition> partitions = partitions(admin, mapping.topics());
            Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
            Map<TopicPartition, ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
            return partitions.stream().map(partition -> {
                OffsetAndMetadata offset = committed.get(partition);
                return new MappingStatus.PartitionLag(partition.topic(), partition.partition(),
                        ends.get(partition).offset(), starts.get(partition).offset(),
                        offset == null ? OptionalLong.empty() : OptionalLong.of(offset.offset()));
            }).toList();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("cannot read the lag of {} from {}: {}", mapping.name(), admin, e.toString());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, spec));
        return admin.listOffsets(query).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static List<TopicPartition> partitions(Admin admin, Collection<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return described.values().stream()
                .flatMap(topic -> topic.partitions().stream().map(info -> new TopicPartition(topic.name(), info.partition())))
                .toList();
    }

    private static void requireTopics(Admin admin, List<MappingDefinition> mappings, EventSourceSettings settings) {
        Set<String> needed = new LinkedHashSet<>();
        mappings.stream().filter(MappingDefinition::enabled).forEach(mapping -> {
            needed.addAll(mapping.topics());
            mapping.failureTopic().ifPresent(needed::add);
        });
        if (needed.isEmpty()) {
            return;
        }
        try {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> missing = needed.stream().filter(topic -> !existing.contains(topic)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalStateException("event source mappings need topics " + missing + " that do not exist in "
                        + "the Kafka cluster at " + settings.bootstrapServers() + "; create them first (a source or "
                        + "on-failure destination topic must exist, as in MSK)");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics of the Kafka cluster at "
                    + settings.bootstrapServers() + " for the event source mappings", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the topics of the event source mappings", e);
        }
    }

    /** A mapping with its poller thread; a disabled mapping has none. */
    private record Mapping(MappingDefinition definition, MappingProgress progress, EventPoller poller, Thread thread) {

        static Mapping start(MappingDefinition definition, LambdaInvoker functions, EventSourceSettings settings) {
            MappingProgress progress = new MappingProgress(definition);
            if (!definition.enabled()) {
                log.info("event source mapping {} is disabled (Enabled: false)", definition.name());
                return new Mapping(definition, progress, null, null);
            }
            return poll(definition, progress, functions, settings);
        }

        static Mapping resume(Mapping disabled, LambdaInvoker functions, EventSourceSettings settings) {
            return poll(disabled.definition(), disabled.progress(), functions, settings);
        }

        private static Mapping poll(MappingDefinition definition, MappingProgress progress, LambdaInvoker functions,
                                    EventSourceSettings settings) {
            EventPoller poller = new EventPoller(definition, functions, settings, progress);
            Thread thread = Thread.ofPlatform().name("event-source-mapping-" + definition.name()).daemon().start(poller);
            log.info("event source mapping {} started: group {}, topics {}, {} records or {} ms per batch, retries {}, "
                            + "on failure {}", definition.name(), definition.consumerGroupId(), definition.topics(),
                    definition.batchSize(), definition.batchingWindow().toMillis(),
                    definition.retryPolicy().maximumRetryAttempts() == RetryPolicy.UNLIMITED
                            ? "unlimited" : definition.retryPolicy().maximumRetryAttempts(),
                    definition.failureTopic().map(topic -> MappingDefinition.KAFKA_DESTINATION_PREFIX + topic).orElse("skip"));
            return new Mapping(definition, progress, poller, thread);
        }

        void requestStop() {
            if (poller != null) {
                poller.stop();
            }
        }

        void awaitStop(Duration timeout) {
            if (thread == null) {
                return;
            }
            try {
                if (!thread.join(timeout)) {
                    log.warn("{} still runs an invocation after {} ms: abandoning it, its batch is not committed",
                            definition.name(), timeout.toMillis());
                    thread.interrupt();
                    if (!thread.join(ABANDON_TIMEOUT)) {
                        log.error("{} did not stop", definition.name());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
