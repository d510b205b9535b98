package dev.catalog.setup.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.infra.kafka.KafkaTopic;
import dev.catalog.local.process.FreePorts;
import dev.catalog.local.process.TestStackLayout;
import dev.catalog.local.services.kafka.KafkaBroker;
import dev.catalog.platform.kafka.KafkaConnection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real Kafka broker that, like MSK, does not create topics by itself. */
class KafkaTopicsIT {

    private static KafkaBroker broker;
    private static KafkaConnection connection;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start(TestStackLayout.create("kafka"), FreePorts.next(), FreePorts.next());
        connection = new KafkaConnection(broker.bootstrapServers(), KafkaConnection.Authentication.NONE);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void creates_every_catalog_topic_with_its_partitions_and_then_nothing_more() throws Exception {
        List<String> created = new KafkaTopics(connection).ensure(CatalogTopics.all());

        assertThat(created).containsExactlyInAnyOrderElementsOf(CatalogTopics.all().stream().map(KafkaTopic::name).toList());
        assertThat(partitions()).containsAllEntriesOf(
                CatalogTopics.all().stream().collect(Collectors.toMap(KafkaTopic::name, KafkaTopic::partitions)));
        assertThat(new KafkaTopics(connection).ensure(CatalogTopics.all())).isEmpty();
    }

    @Test
    void leaves_an_existing_topic_as_it_is() throws Exception {
        new KafkaTopics(connection).ensure(List.of(new KafkaTopic("kept.as.is", 2)));

        assertThat(new KafkaTopics(connection).ensure(List.of(new KafkaTopic("kept.as.is", 5)))).isEmpty();
        assertThat(partitions()).containsEntry("kept.as.is", 2);
    }

    private static Map<String, Integer> partitions() throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            return topics.values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, topic -> topic.partitions().size()));
        }
    }
}
