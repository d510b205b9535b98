package dev.catalog.local.eventsources;

import dev.catalog.local.template.MskEvent;
import dev.catalog.local.template.SamTemplate;
import dev.catalog.local.template.ServerlessFunction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One event source mapping, as Lambda creates it from an MSK event of template.yaml, with the values Lambda would
 * derive: the consumer group when the template names none, the retry limit when an on-failure destination is set.
 *
 * @param functionLogicalId  the function the mapping invokes
 * @param eventName          the event's key under the function's {@code Events}
 * @param functionTimeout    bounds how long one invocation keeps the consumer from polling
 * @param eventSourceArn     the cluster, as the event shows it in {@code eventSourceArn}
 * @param consumerGroupId    {@code ConsumerGroupId}, or a stable id standing for the mapping's UUID
 * @param batchingWindow     {@code MaximumBatchingWindowInSeconds}; 500 ms for Kafka when absent
 * @param failureTopic       the topic of a {@code kafka://topic} on-failure destination
 */
public record MappingDefinition(String functionLogicalId, String functionName, String eventName,
                                Duration functionTimeout, String eventSourceArn, List<String> topics,
                                String consumerGroupId, MskEvent.StartingPosition startingPosition,
                                Optional<Instant> startingPositionTimestamp, int batchSize, Duration batchingWindow,
                                RetryPolicy retryPolicy, boolean reportsBatchItemFailures,
                                Optional<String> failureTopic, boolean enabled) {

    static final String KAFKA_DESTINATION_PREFIX = "kafka://";
    private static final int MAXIMUM_BATCH_SIZE = 10_000;
    private static final Duration MAXIMUM_BATCHING_WINDOW = Duration.ofSeconds(300);
    private static final int MAXIMUM_RETRY_ATTEMPTS = 10_000;
    private static final long MINIMUM_RECORD_AGE_SECONDS = 60;
    private static final long MAXIMUM_RECORD_AGE_SECONDS = 604_800;

    public MappingDefinition {
        topics = List.copyOf(topics);
    }

    /** {@code Function/Event}, how logs and errors name the mapping. */
    public String name() {
        return functionLogicalId + "/" + eventName;
    }

    /**
     * The mappings of every MSK event of the template's functions, checked as Lambda checks them when it creates
     * them, plus what the local runtime cannot serve.
     *
     * @throws InvalidMappingException listing every problem
     */
    public static List<MappingDefinition> of(SamTemplate template) {
        List<String> problems = new ArrayList<>();
        List<MappingDefinition> mappings = new ArrayList<>();
        for (ServerlessFunction function : template.functions().values()) {
            for (MskEvent event : function.events(MskEvent.class)) {
                mappings.add(of(function, event, problems));
            }
        }
        Map<String, String> groups = new HashMap<>();
        for (MappingDefinition mapping : mappings) {
            String other = groups.putIfAbsent(mapping.consumerGroupId(), mapping.name());
            if (other != null) {
                problems.add(mapping.name() + ": ConsumerGroupId " + mapping.consumerGroupId() + " is also the group of "
                        + other + "; Lambda requires a consumer group id unique among all Kafka event sources");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidMappingException(problems);
        }
        return List.copyOf(mappings);
    }

    /** The on-failure destination topics of these mappings, which must exist before they start. */
    public static Set<String> failureTopics(List<MappingDefinition> mappings) {
        Set<String> topics = new LinkedHashSet<>();
        mappings.forEach(mapping -> mapping.failureTopic().ifPresent(topics::add));
        return topics;
    }

    private static MappingDefinition of(ServerlessFunction function, MskEvent event, List<String> problems) {
        String name = function.logicalId() + "/" + event.name();
        Optional<String> failureTopic = failureTopic(name, event, problems);
        check(name, event, problems);
        int retries = event.maximumRetryAttempts() == RetryPolicy.UNLIMITED && failureTopic.isPresent()
                ? RetryPolicy.RETRIES_WITH_DESTINATION
                : event.maximumRetryAttempts();
        Optional<Duration> maximumRecordAge = event.maximumRecordAgeInSeconds() == MskEvent.UNLIMITED
                ? Optional.empty()
                : Optional.of(Duration.ofSeconds(event.maximumRecordAgeInSeconds()));
        return new MappingDefinition(
                function.logicalId(),
                function.name(),
                event.name(),
                function.timeout(),
                event.stream(),
                event.topics(),
                event.consumerGroupId().orElseGet(() -> generatedGroupId(function, event)),
                event.startingPosition(),
                event.startingPositionTimestamp(),
                event.batchSize(),
                event.maximumBatchingWindow(),
                new RetryPolicy(retries, maximumRecordAge, event.bisectBatchOnFunctionError()),
                event.reportsBatchItemFailures(),
                failureTopic,
                event.enabled());
    }

    /**
     * Without {@code ConsumerGroupId}, Lambda joins a group named after the mapping's UUID, which lives as long as
     * the mapping. Locally the mapping is re-created on every start, so the id is derived from what identifies it in
     * the template (SAM names the mapping resource after the function and the event): a restart resumes where the
     * group stopped, a renamed event starts a new group, as a replaced mapping does in AWS.
     */
    private static String generatedGroupId(ServerlessFunction function, MskEvent event) {
        return UUID.nameUUIDFromBytes(("event-source-mapping:" + function.logicalId() + "/" + event.name())
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static Optional<String> failureTopic(String name, MskEvent event, List<String> problems) {
        if (event.onFailure().isEmpty()) {
            return Optional.empty();
        }
        MskEvent.FailureDestination destination = event.onFailure().get();
        boolean kafkaType = destination.type().map(type -> type.equalsIgnoreCase("Kafka")).orElse(true);
        if (!kafkaType || !destination.destination().startsWith(KAFKA_DESTINATION_PREFIX)) {
            problems.add(name + ": on-failure destination " + destination.destination()
                    + destination.type().map(type -> " (Type " + type + ")").orElse("")
                    + " cannot be served locally; the local runtime sends failed records only to a Kafka topic of the"
                    + " local cluster: Destination: kafka://<topic>");
            return Optional.empty();
        }
        String topic = destination.destination().substring(KAFKA_DESTINATION_PREFIX.length());
        if (topic.isBlank()) {
            problems.add(name + ": on-failure destination " + destination.destination() + " names no topic");
            return Optional.empty();
        }
        if (event.topics().contains(topic)) {
            problems.add(name + ": on-failure destination topic " + topic + " is one of the source topics; Lambda "
                    + "refuses that to prevent a loop");
        }
        return Optional.of(topic);
    }

    private static void check(String name, MskEvent event, List<String> problems) {
        if (event.topics().size() != 1) {
            // CreateEventSourceMapping takes a list but refuses any other length for Kafka.
            problems.add(name + ": Topics " + event.topics() + " names " + event.topics().size() + " topics; a Kafka"
                    + " event source mapping reads exactly one topic");
        }
        if (event.batchSize() < 1 || event.batchSize() > MAXIMUM_BATCH_SIZE) {
            problems.add(name + ": BatchSize " + event.batchSize() + " is outside 1.." + MAXIMUM_BATCH_SIZE);
        }
        if (event.maximumBatchingWindow().isNegative() || event.maximumBatchingWindow().compareTo(MAXIMUM_BATCHING_WINDOW) > 0) {
            problems.add(name + ": MaximumBatchingWindowInSeconds " + event.maximumBatchingWindow().toSeconds()
                    + " is outside 0.." + MAXIMUM_BATCHING_WINDOW.toSeconds());
        }
        if (event.maximumRetryAttempts() < RetryPolicy.UNLIMITED || event.maximumRetryAttempts() > MAXIMUM_RETRY_ATTEMPTS) {
            problems.add(name + ": MaximumRetryAttempts " + event.maximumRetryAttempts() + " is outside -1.."
                    + MAXIMUM_RETRY_ATTEMPTS);
        }
        int age = event.maximumRecordAgeInSeconds();
        if (age != MskEvent.UNLIMITED && (age < MINIMUM_RECORD_AGE_SECONDS || age > MAXIMUM_RECORD_AGE_SECONDS)) {
            problems.add(name + ": MaximumRecordAgeInSeconds " + age + " must be -1 or within "
                    + MINIMUM_RECORD_AGE_SECONDS + ".." + MAXIMUM_RECORD_AGE_SECONDS);
        }
        if (event.startingPosition() == MskEvent.StartingPosition.AT_TIMESTAMP && event.startingPositionTimestamp().isEmpty()) {
            problems.add(name + ": StartingPosition AT_TIMESTAMP needs StartingPositionTimestamp");
        }
        event.functionResponseTypes().stream()
                .filter(type -> !type.equals(MskEvent.REPORT_BATCH_ITEM_FAILURES))
                .forEach(type -> problems.add(name + ": FunctionResponseTypes " + type + " is not one of ["
                        + MskEvent.REPORT_BATCH_ITEM_FAILURES + "]"));
        if (!event.filterPatterns().isEmpty()) {
            // Delivering unfiltered records would hand the function events it never sees in AWS.
            problems.add(name + ": FilterCriteria is not supported by the local event source mappings; the function"
                    + " would receive records that Lambda filters out");
        }
    }
}
