package dev.catalog.local.services.kafka;

import dev.catalog.infra.kafka.KafkaTopic;
import dev.catalog.local.process.JavaRuntime;
import dev.catalog.local.process.ManagedProcess;
import dev.catalog.local.process.Supervisor;
import dev.catalog.local.process.OneShotCommand;
import dev.catalog.local.process.ProcessSpec;
import dev.catalog.local.process.ServiceStartException;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.services.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run from the class path
 * localstack/dist-kafka copies, with the JVM this code runs on.
 *
 * <p>Its storage is formatted once, on first start, as a standalone dynamic quorum; the data, and with it the
 * controller's address, is kept across restarts, so a stack keeps its controller port.
 */
public final class KafkaBroker implements Supervisor.Supervised {

    private static final String SERVICE = "kafka";
    private static final String HOST = "127.0.0.1";
    private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);
    private static final short REPLICATION_FACTOR = 1;

    private final ManagedProcess process;
    private final int port;

    private KafkaBroker(ManagedProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the broker on 127.0.0.1:{@code port}, its controller on {@code controllerPort}, and waits until it serves. */
    public static KafkaBroker start(StackLayout layout, int port, int controllerPort) {
        Path libs = Distribution.KAFKA.requireHome(layout).resolve("libs");
        String java = JavaRuntime.current().requireAtLeast(17, "Kafka").executable().toString();
        Path home = layout.dataDir(SERVICE);
        Path config = home.resolve("server.properties");
        Path logConfig = home.resolve("log4j2.properties");
        Path storage = home.resolve("storage");
        writeConfiguration(config, logConfig, storage, port, controllerPort);
        List<String> classPathAndLogging = List.of("-cp", libs + "/*", "-Dlog4j2.configurationFile=" + logConfig);

        if (!Files.exists(storage.resolve("meta.properties"))) {
            new OneShotCommand("kafka storage format", command(java, List.of(), classPathAndLogging, "kafka.tools.StorageTool",
                    "format", "--standalone", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()),
                    home, layout.logFile(SERVICE)).run(FORMAT_TIMEOUT);
        }

        // The serial collector: one local broker's small heap needs no concurrent collector, whose background
        // threads and write barriers cost CPU at idle and per record (G1 is the JVM's choice on two cores).
        List<String> serverOptions = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");
        ManagedProcess process = ManagedProcess.start(new ProcessSpec(SERVICE,
                command(java, serverOptions, classPathAndLogging, "kafka.Kafka", config.toString()),
                home, Map.of(), layout.logFile(SERVICE), layout.pidFile(SERVICE), STOP_TIMEOUT, false));
        KafkaBroker broker = new KafkaBroker(process, port);
        try {
            process.awaitReady(STARTUP_TIMEOUT, broker::serves);
            return broker;
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers(port);
    }

    /** The address of a broker listening on {@code port}, whichever run of it is up. */
    public static String bootstrapServers(int port) {
        return HOST + ":" + port;
    }

    public Path logFile() {
        return process.logFile();
    }

    @Override
    public CompletableFuture<?> onExit() {
        return process.onExit();
    }

    @Override
    public long pid() {
        return process.pid();
    }

    /**
     * Creates the topics that do not exist yet, with their partition count and replication factor 1. Existing
     * topics are left as they are: adding partitions would move keys to other partitions and break the order
     * of each aggregate's events.
     */
    public void ensureTopics(Collection<KafkaTopic> topics) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), REPLICATION_FACTOR).configs(topic.config()))
                    .toList();
            admin.createTopics(missing).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            // Settings are the topic's own, also on a topic an older run created without them.
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
            topics.stream().filter(topic -> existing.contains(topic.name()) && !topic.config().isEmpty())
                    .forEach(topic -> settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                            topic.config().entrySet().stream().map(entry -> new AlterConfigOp(
                                    new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET)).toList()));
            admin.incrementalAlterConfigs(settings).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics " + names(topics) + " on " + bootstrapServers(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrapServers() + " did not create topics " + names(topics)
                    + " within " + ADMIN_TIMEOUT.toSeconds() + " s; see " + logFile(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    public void stop() {
        process.stop();
    }

    @Override
    public void close() {
        stop();
    }

    /** Ready when it answers a metadata request as a broker, not merely when its port is open. */
    private boolean serves() {
        if (!portOpen()) {
            return false;  // saves the admin client's connection-refused warnings while the JVM starts
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()));
    }

    private static void writeConfiguration(Path config, Path logConfig, Path storage, int port, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        // A dynamic quorum, the only kind `StorageTool format --standalone` accepts (not controller.quorum.voters).
        settings.put("controller.quorum.bootstrap.servers", HOST + ":" + controllerPort);
        settings.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("log.dirs", storage.toString());
        // One broker: every internal topic has one replica.
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // 50 partitions of consumer offsets only slow down the first group join on one local broker.
        settings.put("offsets.topic.num.partitions", "5");
        // Consumer groups of the local runtime start at once; waiting for more members only adds latency.
        settings.put("group.initial.rebalance.delay.ms", "0");
        // The active controller appends a no-op record to the metadata log this often (default 500 ms), only so that
        // metadata staleness can be monitored: on one idle local node that is two log appends a second for nothing.
        settings.put("metadata.max.idle.interval.ms", "5000");
        // Topics are created by ensureTopics with their partition count, as in AWS, where MSK does not create
        // topics on first use either. A broker that did would silently give an unknown topic one partition;
        // without it, an event for an undeclared topic fails Debezium's send loudly and stays in the slot.
        settings.put("auto.create.topics.enable", "false");
        try {
            Files.createDirectories(storage);
            Files.writeString(config, settings.entrySet().stream()
                    .map(setting -> setting.getKey() + "=" + setting.getValue())
                    .collect(Collectors.joining("\n", "# Written by KafkaBroker on every start.\n", "\n")),
                    StandardCharsets.UTF_8);
            try (InputStream log4j = KafkaBroker.class.getResourceAsStream("log4j2.properties")) {
                Files.copy(log4j, logConfig, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka's configuration to " + config.getParent(), e);
        }
    }

    private static String names(Collection<KafkaTopic> topics) {
        return topics.stream().map(KafkaTopic::name).collect(Collectors.joining(", "));
    }

    private static List<String> command(String java, List<String> jvmOptions, List<String> classPathAndLogging,
                                        String mainClass, String... arguments) {
        return Stream.of(List.of(java), jvmOptions, classPathAndLogging, List.of(mainClass), List.of(arguments))
                .flatMap(List::stream).toList();
    }
}
