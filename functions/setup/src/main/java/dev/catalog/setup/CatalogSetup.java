package dev.catalog.setup;

import com.zaxxer.hikari.HikariDataSource;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.platform.config.Environment;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import dev.catalog.platform.kafka.KafkaConnection;
import dev.catalog.platform.secrets.SecretsManagerSecrets;
import dev.catalog.search.client.SearchClients;
import dev.catalog.search.index.SearchIndexAdmin;
import dev.catalog.setup.database.DatabaseSetup;
import dev.catalog.setup.kafka.BootstrapBrokers;
import dev.catalog.setup.kafka.DebeziumAcls;
import dev.catalog.setup.kafka.KafkaTopics;
import dev.catalog.setup.kafka.MskBootstrapBrokers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.sql.DataSource;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.OpenSearchTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;

/**
 * What a deploy prepares before the functions and Debezium Server start: the database, the Kafka topics and the
 * first version of the search indices. Every step leaves what exists alone, so each deploy runs them all again.
 */
final class CatalogSetup implements Setup {

    private static final Logger log = LoggerFactory.getLogger(CatalogSetup.class);
    /** Attributes of the setup resource: where each kind of Kafka client connects. */
    static final String BOOTSTRAP_IAM = "KafkaBootstrapServersIam";
    static final String BOOTSTRAP_SCRAM = "KafkaBootstrapServersScram";

    @Override
    public Map<String, String> run(SetupRequest request) {
        BootstrapBrokers brokers = new MskBootstrapBrokers(Region.of(Environment.required("AWS_REGION")))
                .of(request.kafkaClusterArn());
        DataSource database = ConnectionPool.create(DatabaseSettings.fromEnvironment(), "catalog-setup");
        try {
            DatabaseSetup setup = new DatabaseSetup(database);
            setup.migrate();
            SecretsManagerSecrets secrets = new SecretsManagerSecrets();
            request.roleSecretArns().forEach((role, secretArn) -> setup.enableLogin(role, secrets.usernamePassword(secretArn)));
        } finally {
            ((HikariDataSource) database).close();
        }
        KafkaConnection kafka = new KafkaConnection(brokers.saslIam(), KafkaConnection.Authentication.IAM);
        new KafkaTopics(kafka).ensure(CatalogTopics.all());
        new DebeziumAcls(kafka).grant(request.debeziumKafkaUser());
        prepareSearchIndices(SearchClients.fromEnvironment());
        return Map.of(BOOTSTRAP_IAM, brokers.saslIam(), BOOTSTRAP_SCRAM, brokers.saslScram());
    }

    /** Version 1 behind the aliases on a new domain; a domain whose aliases point somewhere keeps its version. */
    private static void prepareSearchIndices(OpenSearchClient client) {
        try (OpenSearchTransport transport = client._transport()) {
            SearchIndexAdmin admin = new SearchIndexAdmin(client);
            if (admin.aliasedVersion().isEmpty()) {
                admin.create(1);
                admin.pointAliasesAt(1);
                log.info("search indices version 1 created behind their aliases");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the OpenSearch client", e);
        }
    }
}
