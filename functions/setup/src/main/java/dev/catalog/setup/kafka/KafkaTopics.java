package dev.catalog.setup.kafka;

import dev.catalog.infra.kafka.KafkaTopic;
import dev.catalog.platform.kafka.KafkaConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the topics that do not exist yet; existing ones are left as they are (their partitioning is data). */
public final class KafkaTopics {

    private static final Logger log = LoggerFactory.getLogger(KafkaTopics.class);
    private static final long TIMEOUT_SECONDS = 60;
    /** Three copies where the cluster has three brokers; a two-broker development cluster gets two. */
    private static final int MAX_REPLICATION = 3;

    private final KafkaConnection connection;

    public KafkaTopics(KafkaConnection connection) {
        this.connection = connection;
    }

    /** @return the names of the topics it created */
    public List<String> ensure(Collection<KafkaTopic> topics) {
        try (Admin admin = SetupAdmin.open(connection)) {
            Set<String> existing = await(admin.listTopics().names());
            short replication = (short) Math.min(MAX_REPLICATION, await(admin.describeCluster().nodes()).size());
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), Optional.of(topic.partitions()), Optional.of(replication))
                            .configs(topic.config()))
                    .toList();
            // Settings are the topic's own, also on a topic an earlier deploy created without them.
            Map<ConfigResource, Collection<AlterConfigOp>> settings = new HashMap<>();
            topics.stream().filter(topic -> existing.contains(topic.name()) && !topic.config().isEmpty())
                    .forEach(topic -> settings.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                            topic.config().entrySet().stream().map(entry -> new AlterConfigOp(
                                    new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET)).toList()));
            await(admin.incrementalAlterConfigs(settings).all());
            if (missing.isEmpty()) {
                return List.of();
            }
            List<String> created = new ArrayList<>();
            admin.createTopics(missing).values().forEach((name, creation) -> {
                try {
                    await(creation);
                    created.add(name);
                } catch (IllegalStateException e) {
                    // Created meanwhile by another setup run, or just before and not yet in the listing the broker
                    // answered: what matters is that it exists now, as it was made.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            });
            if (!created.isEmpty()) {
                log.info("created topics {} with replication factor {}", created, replication);
            }
            return List.copyOf(created);
        }
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka at " + connection.bootstrapServers() + " refused: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + connection.bootstrapServers() + " did not answer within "
                    + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
