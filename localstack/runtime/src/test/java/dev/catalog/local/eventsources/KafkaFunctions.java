package dev.catalog.local.eventsources;

import static org.awaitility.Awaitility.await;

import dev.catalog.local.functions.FunctionHost;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.functions.TestDeployment;
import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.services.kafka.KafkaBroker;
import dev.catalog.infra.kafka.KafkaTopic;
import dev.catalog.local.template.LocalValues;
import dev.catalog.local.template.SamTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real Kafka broker on free ports, the test functions of {@code /eventsources/template.yaml} hosted from a real
 * deployment package, and the topics of their mappings. Each test starts the mappings of the function it needs.
 */
final class KafkaFunctions implements AutoCloseable {

    static final EventSourceSettings.RetryBackoff FAST_BACKOFF =
            new EventSourceSettings.RetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    /** Topics that are not single-partition. */
    private static final Map<String, Integer> PARTITIONS = Map.of("es.order", 3, "es.restart", 3);

    private final KafkaBroker kafka;
    private final FunctionHost host;
    private final SamTemplate template;
    private final KafkaProducer<String, String> producer;
    private final RecordingInvoker invocations;

    private KafkaFunctions(KafkaBroker kafka, FunctionHost host, SamTemplate template) {
        this.kafka = kafka;
        this.host = host;
        this.template = template;
        this.invocations = new RecordingInvoker(host);
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    static KafkaFunctions start(String name) {
        StackLayout layout = freshLayout(name);
        Path directory = layout.dataDir("functions");
        KafkaBroker kafka = KafkaBroker.start(layout, FreePorts.next(), FreePorts.next());
        try {
            SamTemplate template = SamTemplate.load(TestDeployment.prepare(directory, "/eventsources/template.yaml"),
                    LocalValues.none());
            List<MappingDefinition> mappings = MappingDefinition.of(template);
            List<KafkaTopic> topics = new ArrayList<>();
            mappings.forEach(mapping -> mapping.topics().forEach(topic ->
                    topics.add(new KafkaTopic(topic, PARTITIONS.getOrDefault(topic, 1)))));
            MappingDefinition.failureTopics(mappings).forEach(topic -> topics.add(new KafkaTopic(topic, 1)));
            kafka.ensureTopics(topics);
            return new KafkaFunctions(kafka, new FunctionHost(template,
                    FunctionHostSettings.local(directory.resolve("packages"))), template);
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
    }

    EventSourceSettings settings() {
        return EventSourceSettings.local(kafka.bootstrapServers()).withRetryBackoff(FAST_BACKOFF);
    }

    MappingDefinition mapping(String function) {
        return MappingDefinition.of(template).stream()
                .filter(mapping -> mapping.functionLogicalId().equals(function))
                .findFirst().orElseThrow();
    }

    /** Starts the mappings of {@code function} alone. */
    EventSourceMappings run(String function) {
        return run(function, settings());
    }

    EventSourceMappings run(String function, EventSourceSettings settings) {
        return EventSourceMappings.start(List.of(mapping(function)), invocations, settings);
    }

    RecordingInvoker invocations() {
        return invocations;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + record.topic(), e);
        }
    }

    /** Waits until {@code topic} holds {@code count} records and returns them, partition by partition. */
    List<ConsumerRecord<String, String>> read(String topic, int count) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            });
            return records;
        }
    }

    @Override
    public void close() {
        producer.close();
        host.close();
        kafka.stop();
    }

    private static StackLayout freshLayout(String name) {
        Path root = Path.of(property("catalog.it.stack.dir")).resolve(name);
        try {
            if (Files.exists(root)) {
                try (Stream<Path> paths = Files.walk(root)) {
                    for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                        Files.delete(path);
                    }
                }
            }
            Files.createDirectories(root.resolve("data").resolve("functions"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StackLayout(root, Path.of(property("catalog.dist.dir")));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the tests through Maven "
                    + "(failsafe sets it)");
        }
        return value;
    }
}
