package dev.catalog.infra;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalog.infra.db.DatabaseRole;
import dev.catalog.infra.kafka.CatalogTopics;
import dev.catalog.local.services.debezium.DebeziumServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The project's own template.yaml and samconfig.toml pass every offline check. */
class DeploymentTemplateTest {

    private static final Repository REPOSITORY = Repository.current();
    private static final DeploymentChecks CHECKS = new DeploymentChecks(REPOSITORY);
    private static final CloudFormationTemplate TEMPLATE = CloudFormationTemplate.load(REPOSITORY.template());

    @Test
    void template_validates_against_sams_schema() {
        assertThat(CHECKS.schema(TEMPLATE)).isEmpty();
    }

    @Test
    void plain_cloudformation_resources_use_known_properties_and_attributes() {
        assertThat(CHECKS.cfnResources(TEMPLATE)).isEmpty();
    }

    @Test
    void every_handler_is_a_class_of_its_package_that_takes_what_its_trigger_sends() {
        assertThat(CHECKS.handlers(TEMPLATE)).isEmpty();
    }

    @Test
    void every_route_has_a_handler_and_every_http_handler_a_route() {
        assertThat(CHECKS.routes(TEMPLATE)).isEmpty();
    }

    @Test
    void every_topic_read_or_written_is_produced_and_created() {
        assertThat(CHECKS.topics(TEMPLATE)).isEmpty();
    }

    @Test
    void every_state_machine_substitution_is_defined_and_used() {
        assertThat(CHECKS.stateMachines(TEMPLATE)).isEmpty();
    }

    @Test
    void every_variable_a_function_reads_is_set() {
        assertThat(CHECKS.environment(TEMPLATE)).isEmpty();
    }

    @Test
    void the_debezium_task_runs_application_properties() {
        assertThat(CHECKS.debeziumTask(TEMPLATE)).isEmpty();
    }

    @Test
    void template_and_samconfig_name_no_account_or_bucket() {
        AccountNeutralityCheck check = new AccountNeutralityCheck();

        assertThat(check.problems("template.yaml", Repository.read(REPOSITORY.template()))).isEmpty();
        assertThat(check.problems("samconfig.toml", Repository.read(REPOSITORY.root().resolve("samconfig.toml")))).isEmpty();
    }

    /** What {@code ./catalog invoke F --event events/F.json} and {@code sam local invoke -e} take, for every function. */
    @Test
    void every_function_has_a_sample_event_and_every_sample_a_function() throws IOException {
        Path events = REPOSITORY.root().resolve("events");
        Set<String> samples;
        try (Stream<Path> files = Files.list(events)) {
            samples = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.length() - ".json".length())).collect(Collectors.toSet());
        }

        assertThat(samples).containsExactlyInAnyOrderElementsOf(TEMPLATE.functions().keySet());
        for (String sample : samples) {
            assertThat(new ObjectMapper().readTree(events.resolve(sample + ".json").toFile())).as(sample).isNotNull();
        }
    }

    /** Each side's role has its secret, named for it, and the setup step is given it to turn on the role's login. */
    @Test
    void every_database_role_has_its_secret_and_the_setup_step_gets_it() {
        Map<String, Object> setup = CloudFormationTemplate.map(TEMPLATE.resources().get("CatalogSetup").get("Properties"));
        for (DatabaseRole role : DatabaseRole.values()) {
            Map<String, Object> secret = TEMPLATE.resources().get(role.secret());
            assertThat(secret).as(role.secret()).isNotNull();
            assertThat(String.valueOf(CloudFormationTemplate.map(CloudFormationTemplate.map(secret.get("Properties"))
                    .get("GenerateSecretString")).get("SecretStringTemplate")))
                    .isEqualTo("{\"username\":\"" + role.roleName() + "\"}");
            assertThat(setup).containsKey(role.secret() + "Arn");
        }
    }

    @Test
    void each_function_reads_only_its_own_database_secret_and_readers_hold_no_write_policy() {
        assertThat(CHECKS.secretAccess(TEMPLATE)).isEmpty();
    }

    /** The setup step creates the ACLs of the SCRAM user Debezium Server signs in as, not of another name. */
    @Test
    void the_setup_step_grants_acls_to_debeziums_scram_user() {
        Map<String, Object> setup = CloudFormationTemplate.map(TEMPLATE.resources().get("CatalogSetup").get("Properties"));
        Map<String, Object> scram = CloudFormationTemplate.map(TEMPLATE.resources().get("KafkaScramSecret").get("Properties"));

        assertThat(String.valueOf(CloudFormationTemplate.map(scram.get("GenerateSecretString")).get("SecretStringTemplate")))
                .isEqualTo("{\"username\":\"" + setup.get("DebeziumKafkaUser") + "\"}");
    }

    /** Debezium's own heartbeat topic, named by its configuration, exists: the brokers create no topic by themselves. */
    @Test
    void the_topics_created_include_debeziums_heartbeat_topic() {
        assertThat(CatalogTopics.all()).contains(DebeziumServer.heartbeatTopic());
    }
}
