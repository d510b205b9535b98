package dev.catalog.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each check fails on the kind of mistake it is there for: each test breaks a copy of the real template.yaml in
 * one place, and expects that check to name the mistake.
 */
class DeploymentChecksCatchMistakesTest {

    private static final Repository REPOSITORY = Repository.current();
    private static final DeploymentChecks CHECKS = new DeploymentChecks(REPOSITORY);
    private static final String ORIGINAL = Repository.read(REPOSITORY.template());

    @TempDir
    Path directory;

    @Test
    void schema_check_names_a_misspelt_property() {
        CloudFormationTemplate broken = broken(
                "catalog-detail-projection\n            BatchSize: 500\n",
                "catalog-detail-projection\n            BatchSize: 500\n            MaximumBatchingWindowSeconds: 1\n");

        assertThat(CHECKS.schema(broken)).anySatisfy(problem -> assertThat(problem)
                .startsWith("DetailProjectionFunction.Events.Outbox: ")
                .contains("MaximumBatchingWindowSeconds"));
    }

    @Test
    void schema_check_names_a_misspelt_function_property() {
        String setup = "SetupFunction::handleRequest\n      Environment:\n        Variables:\n"
                + "          DB_SECRET_ARN: !GetAtt Database.MasterUserSecret.SecretArn\n      Timeout: 900\n";
        CloudFormationTemplate broken = broken(setup, setup + "      SnapStrat:\n        ApplyOn: None\n");

        assertThat(CHECKS.schema(broken))
                .anySatisfy(problem -> assertThat(problem).startsWith("CatalogSetupFunction: ").contains("SnapStrat"));
    }

    @Test
    void cloudformation_check_names_a_misspelt_property_a_missing_one_and_an_unknown_attribute() {
        CloudFormationTemplate broken = broken(
                "      ManageMasterUserPassword: true\n", "      ManageMasterPassword: true\n",
                "      Family: aurora-postgresql16\n", "",
                "https://${SearchDomain.DomainEndpoint}", "https://${SearchDomain.Endpoint}");

        assertThat(CHECKS.cfnResources(broken)).containsExactlyInAnyOrder(
                "Database: AWS::RDS::DBCluster has no property ManageMasterPassword",
                "DatabaseParameters: AWS::RDS::DBClusterParameterGroup requires Family",
                "!GetAtt SearchDomain.Endpoint: AWS::OpenSearchService::Domain has no attribute Endpoint");
    }

    @Test
    void handler_check_names_a_handler_that_does_not_exist() {
        CloudFormationTemplate broken = broken("dev.catalog.query.category.ListCategoriesFunction::handleRequest",
                "dev.catalog.query.category.ListCategoryFunction::handleRequest");

        assertThat(CHECKS.handlers(broken)).contains(
                "ListCategoriesFunction: handler class dev.catalog.query.category.ListCategoryFunction does not exist");
    }

    @Test
    void handler_check_names_a_handler_outside_the_deployed_package() {
        CloudFormationTemplate broken = broken(
                "CodeUri: functions/projections/target/projections.zip\n      Handler: dev.catalog.projection.detail",
                "CodeUri: functions/query-api/target/query-api.zip\n      Handler: dev.catalog.projection.detail");

        assertThat(CHECKS.handlers(broken)).contains("DetailProjectionFunction: handler class "
                + "dev.catalog.projection.detail.DetailProjectionFunction is not in module query-api, whose package "
                + "functions/query-api/target/query-api.zip is deployed");
    }

    @Test
    void handler_check_names_a_handler_that_takes_another_event_than_its_trigger_sends() {
        CloudFormationTemplate broken = broken(
                "dev.catalog.setup.SetupFunction::handleRequest",
                "dev.catalog.projection.search.SearchProjectionFunction::handleRequest",
                "CodeUri: functions/setup/target/setup.zip",
                "CodeUri: functions/projections/target/projections.zip");

        assertThat(CHECKS.handlers(broken)).contains("CatalogSetupFunction: handler class "
                + "dev.catalog.projection.search.SearchProjectionFunction takes KafkaEvent but its trigger sends "
                + "CloudFormationCustomResourceEvent");
    }

    @Test
    void route_check_names_a_route_without_handler() {
        CloudFormationTemplate broken = broken("dev.catalog.command.product.DeleteProductFunction::handleRequest",
                "dev.catalog.command.CommandApi::handleRequest");

        assertThat(CHECKS.routes(broken)).contains("route CatalogApi DELETE /products/{id} (DeleteProductFunction): "
                + "no handler for it, dev.catalog.command.CommandApi is not a RequestHandler of APIGatewayV2HTTPEvent");
    }

    @Test
    void route_check_names_a_handler_without_route() {
        CloudFormationTemplate broken = broken("""
                      Events:
                        Route:
                          Type: HttpApi
                          Properties:
                            ApiId: !Ref CatalogApi
                            Path: /products/{id}/discontinue
                            Method: POST
                """, "");

        assertThat(CHECKS.routes(broken)).contains("dev.catalog.command.product.DiscontinueProductFunction "
                + "(module command-api) handles HTTP requests but no route of the template leads to it");
    }

    @Test
    void route_check_names_a_route_declared_twice() {
        CloudFormationTemplate broken = broken("Path: /products/{id}/activate", "Path: /products/{id}/discontinue");

        assertThat(CHECKS.routes(broken)).contains("route CatalogApi POST /products/{id}/discontinue is declared by "
                + "both ActivateProductFunction and DiscontinueProductFunction");
    }

    @Test
    void topic_check_names_a_topic_nobody_produces() {
        CloudFormationTemplate broken = broken(
                "Topics: [catalog.events]\n            StartingPosition: TRIM_HORIZON\n            ConsumerGroupId: catalog-search-projection",
                "Topics: [catalog.stock]\n            StartingPosition: TRIM_HORIZON\n            ConsumerGroupId: catalog-search-projection");

        assertThat(CHECKS.topics(broken))
                .anySatisfy(problem -> assertThat(problem)
                        .startsWith("SearchProjectionFunction.Events.Outbox: topic catalog.stock is produced by nobody"))
                .contains("SearchProjectionFunction.Events.Outbox: topic catalog.stock is not created by the setup step");
    }

    @Test
    void topic_check_names_a_failure_destination_nobody_creates() {
        CloudFormationTemplate broken = broken(withFailureDestination("kafka://catalog.projection-failure"));

        assertThat(CHECKS.topics(broken)).contains("DetailProjectionFunction.Events.Outbox: on-failure topic "
                + "catalog.projection-failure is not created by the setup step");
    }

    @Test
    void retry_check_names_a_bounded_retry_budget_and_an_on_failure_destination() {
        CloudFormationTemplate broken = broken(withFailureDestination("kafka://catalog.dead-letter"));

        assertThat(CHECKS.retries(broken)).containsExactly(
                "DetailProjectionFunction.Events.Outbox: has an on-failure destination, which caps retries at 10: a"
                        + " longer store outage would park batches nothing replays");
        assertThat(CHECKS.retries(broken("ConsumerGroupId: catalog-detail-projection", "ConsumerGroupId: catalog-detail-projection\n            MaximumRetryAttempts: 10",
                "MaximumRetryAttempts: -1\n            MaximumRecordAgeInSeconds: -1\n            BisectBatchOnFunctionError: false\n"
                        + "            # The retry controls need provisioned pollers.\n            ProvisionedPollerConfig:\n"
                        + "              MinimumPollers: 1\n              MaximumPollers: 2\n\n  DetailProjectionLogGroup:",
                "MaximumRecordAgeInSeconds: -1\n            BisectBatchOnFunctionError: false\n"
                        + "            # The retry controls need provisioned pollers.\n            ProvisionedPollerConfig:\n"
                        + "              MinimumPollers: 1\n              MaximumPollers: 2\n\n  DetailProjectionLogGroup:"))).containsExactly(
                "DetailProjectionFunction.Events.Outbox: MaximumRetryAttempts is 10, not -1: a batch failed by a store"
                        + " outage would be given up before the store is back");
    }

    /** The original and replacement that give the detail projection's event source an on-failure destination. */
    private static String[] withFailureDestination(String destination) {
        return new String[] {"ConsumerGroupId: catalog-detail-projection\n",
                "ConsumerGroupId: catalog-detail-projection\n            DestinationConfig:\n              OnFailure:\n"
                        + "                Destination: " + destination + "\n"};
    }

    @Test
    void state_machine_check_names_an_undefined_and_an_unused_substitution() throws IOException {
        copyStateMachineDefinition();
        CloudFormationTemplate broken = broken("        ReplayRebuildFunctionArn: !Ref ReplayRebuildFunction.Alias\n",
                "        ReplayFunctionArn: !Ref ReplayRebuildFunction.Alias\n");

        assertThat(CHECKS.stateMachines(broken)).containsExactly(
                "RebuildStateMachine: ${ReplayRebuildFunctionArn} is used in its definition but not defined in DefinitionSubstitutions",
                "RebuildStateMachine: DefinitionSubstitutions defines ReplayFunctionArn, which its definition never uses");
    }

    @Test
    void state_machine_check_accepts_matching_substitutions() throws IOException {
        copyStateMachineDefinition();

        assertThat(CHECKS.stateMachines(broken())).isEmpty();
    }

    /** The state machine's definition beside the template copy, where its DefinitionUri points. */
    private void copyStateMachineDefinition() throws IOException {
        Path definition = directory.resolve("infra/statemachine/rebuild.asl.json");
        Files.createDirectories(definition.getParent());
        Files.copy(REPOSITORY.root().resolve("infra/statemachine/rebuild.asl.json"), definition);
    }

    @Test
    void environment_check_names_a_variable_the_code_reads_but_the_template_does_not_set() {
        CloudFormationTemplate broken = broken(
                "          KAFKA_AUTH: iam\n          DEAD_LETTER_TOPIC: catalog.dead-letter\n      Policies:\n"
                        + "        - AWSSecretsManagerGetSecretValuePolicy:\n            SecretArn: !Ref ProjectionDatabaseSecret\n"
                        + "        - !Ref SearchAccessPolicy\n",
                "          DEAD_LETTER_TOPIC: catalog.dead-letter\n      Policies:\n"
                        + "        - AWSSecretsManagerGetSecretValuePolicy:\n            SecretArn: !Ref ProjectionDatabaseSecret\n"
                        + "        - !Ref SearchAccessPolicy\n");

        assertThat(CHECKS.environment(broken)).containsExactly(
                "SearchProjectionFunction: KAFKA_AUTH is read by functions/projections/src/main/java/dev/catalog/projection/deadletter/KafkaDeadLetters.java but the template does not set it");
    }

    @Test
    void secret_access_check_names_a_foreign_secret_and_a_reader_that_writes() {
        CloudFormationTemplate broken = broken(
                "CreateCategoryLogGroup\n      Policies:\n        - AWSSecretsManagerGetSecretValuePolicy:\n"
                        + "            SecretArn: !Ref CommandDatabaseSecret\n",
                "CreateCategoryLogGroup\n      Policies:\n        - AWSSecretsManagerGetSecretValuePolicy:\n"
                        + "            SecretArn: !Ref CommandDatabaseSecret\n        - AWSSecretsManagerGetSecretValuePolicy:\n"
                        + "            SecretArn: !Ref QueryDatabaseSecret\n",
                "SearchProductsLogGroup\n      Policies:\n        - !Ref SearchReadPolicy\n",
                "SearchProductsLogGroup\n      Policies:\n        - !Ref SearchAccessPolicy\n");

        assertThat(CHECKS.secretAccess(broken)).containsExactlyInAnyOrder(
                "CreateCategoryFunction: may read QueryDatabaseSecret, which is not its own database secret",
                "SearchProductsFunction: only answers GET routes but holds SearchAccessPolicy, which writes");
    }

    @Test
    void environment_check_names_database_credentials_left_out() {
        CloudFormationTemplate broken = broken("CreateCategoryFunction::handleRequest\n      Environment:\n        Variables:\n"
                + "          DB_SECRET_ARN: !Ref CommandDatabaseSecret\n", "CreateCategoryFunction::handleRequest\n");

        assertThat(CHECKS.environment(broken)).contains(
                "CreateCategoryFunction: DB_SECRET_ARN is read by functions/catalog-platform/src/main/java/dev/catalog/platform/db/DatabaseSettings.java but the template does not set it",
                "CreateCategoryFunction: DB_USER is read by functions/catalog-platform/src/main/java/dev/catalog/platform/db/DatabaseSettings.java but the template does not set it");
    }

    @Test
    void debezium_check_names_a_misspelt_variable_and_a_drifted_value() {
        CloudFormationTemplate broken = broken(
                "- Name: DEBEZIUM_SOURCE_SLOT_NAME\n", "- Name: DEBEZIUM_SOURCE_SLOT_NAMES\n",
                "DEBEZIUM_SOURCE_POLL_INTERVAL_MS\n              Value: \"25\"",
                "DEBEZIUM_SOURCE_POLL_INTERVAL_MS\n              Value: \"500\"");

        assertThat(CHECKS.debeziumTask(broken)).contains(
                "DebeziumTask.debezium-server: DEBEZIUM_SOURCE_SLOT_NAME is not set (application.properties has debezium.source.slot.name)",
                "DebeziumTask.debezium-server: DEBEZIUM_SOURCE_SLOT_NAMES sets debezium.source.slot.names, which application.properties does not have",
                "DebeziumTask.debezium-server: DEBEZIUM_SOURCE_POLL_INTERVAL_MS is 500 but application.properties has debezium.source.poll.interval.ms=25");
    }

    @Test
    void account_check_names_an_account_id_and_a_bucket() {
        String broken = ORIGINAL.replace("!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root",
                "arn:aws:iam::123456789012:root") + "\n# s3://my-deployment-bucket/catalog\n";

        assertThat(new AccountNeutralityCheck().problems("template.yaml", broken))
                .anySatisfy(problem -> assertThat(problem).contains("an account id (123456789012)"))
                .anySatisfy(problem -> assertThat(problem).contains("a bucket name (s3://)"))
                .anySatisfy(problem -> assertThat(problem).contains("a fixed partition"));
    }

    /**
     * A copy of template.yaml in a directory of its own (where its DefinitionUri files go), with texts replaced:
     * original, replacement, original, replacement... Each original must occur exactly once.
     */
    private CloudFormationTemplate broken(String... originalsAndReplacements) {
        String text = ORIGINAL;
        for (int i = 0; i < originalsAndReplacements.length; i += 2) {
            text = replaceOnce(text, originalsAndReplacements[i], originalsAndReplacements[i + 1]);
        }
        Path copy = directory.resolve("template.yaml");
        try {
            Files.writeString(copy, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return CloudFormationTemplate.load(copy);
    }

    private static String replaceOnce(String text, String original, String replacement) {
        int at = text.indexOf(original);
        assertThat(at).as("template.yaml contains %s", original).isNotNegative();
        assertThat(text.indexOf(original, at + 1)).as("template.yaml contains %s only once", original).isNegative();
        return text.substring(0, at) + replacement + text.substring(at + original.length());
    }
}
