package dev.catalog.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamTemplateTest {

    private static final LocalValues LOCAL = new LocalValues(
            Map.of("JwtIssuer", "catalog-local",
                    "MskClusterArn", "arn:aws:kafka:us-east-1:000000000000:cluster/catalog-local/local",
                    "AppDbSecret", "arn:aws:secretsmanager:us-east-1:000000000000:secret:catalog-app",
                    "AWS::Region", "us-east-1"),
            Map.of("AuroraCluster.Endpoint.Address", "127.0.0.1",
                    "SearchDomain.DomainEndpoint", "127.0.0.1:19200",
                    "PrepareRebuildFunction.Arn", "arn:aws:lambda:us-east-1:000000000000:function:PrepareRebuildFunction"));

    @TempDir
    Path directory;

    private Path templateFile;

    @BeforeEach
    void copyTemplate() throws IOException {
        templateFile = directory.resolve("template.yaml");
        try (InputStream template = getClass().getResourceAsStream("/template/catalog-template.yaml")) {
            Files.copy(template, templateFile);
        }
    }

    @Test
    void merges_globals_into_every_function() {
        SamTemplate template = SamTemplate.load(templateFile, LOCAL);

        ServerlessFunction create = template.function("CreateProductFunction");
        assertThat(create.runtime()).isEqualTo("java21");
        assertThat(create.memorySizeMb()).isEqualTo(1024);
        assertThat(create.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(create.environment()).containsExactly(
                Map.entry("DB_HOST", "127.0.0.1"),
                Map.entry("DB_NAME", "catalog"),
                Map.entry("DB_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:catalog-app"),
                Map.entry("LOG_LEVEL", "DEBUG"),
                Map.entry("POWERTOOLS_SERVICE_NAME", "catalog"));
    }

    @Test
    void lets_a_function_override_and_extend_what_globals_set() {
        ServerlessFunction update = SamTemplate.load(templateFile, LOCAL).function("UpdateProductFunction");

        assertThat(update.memorySizeMb()).isEqualTo(512);
        assertThat(update.environment())
                .containsEntry("DB_NAME", "catalog_write")
                .containsEntry("IDEMPOTENCY_TTL", "86400")
                .containsEntry("DB_HOST", "127.0.0.1");
    }

    @Test
    void resolves_code_uri_against_the_template_directory() {
        ServerlessFunction create = SamTemplate.load(templateFile, LOCAL).function("CreateProductFunction");

        assertThat(create.codeUri()).isEqualTo(directory.resolve("functions/command-api/target/command-api.zip"));
        assertThat(create.handler()).isEqualTo("dev.catalog.command.product.CreateProductFunction::handleRequest");
    }

    @Test
    void names_a_function_by_its_function_name_or_else_its_logical_id() {
        SamTemplate template = SamTemplate.load(templateFile, LOCAL);

        assertThat(template.function("SetStockFunction").name()).isEqualTo("catalog-dev-set-stock");
        assertThat(template.function("CreateProductFunction").name()).isEqualTo("CreateProductFunction");
    }

    @Test
    void reads_http_api_routes() {
        SamTemplate template = SamTemplate.load(templateFile, LOCAL);

        assertThat(routes(template, "CreateProductFunction")).singleElement().satisfies(route -> {
            assertThat(route.routeKey()).isEqualTo("POST /products");
            assertThat(route.apiId()).isEqualTo("CatalogApi");
            assertThat(route.authorizer()).isEmpty();
            assertThat(route.payloadFormatVersion()).isEqualTo("2.0");
        });
        assertThat(routes(template, "UpdateProductFunction")).singleElement()
                .extracting(HttpApiEvent::routeKey).isEqualTo("PATCH /products/{id}");
        assertThat(routes(template, "SetStockFunction")).singleElement().satisfies(route -> {
            assertThat(route.routeKey()).isEqualTo("PUT /products/{id}/stock/{warehouse}");
            assertThat(route.authorizationScopes()).containsExactly("catalog/write");
            assertThat(route.timeout()).contains(Duration.ofMillis(29000));
        });
        assertThat(routes(template, "HealthFunction")).singleElement()
                .extracting(HttpApiEvent::authorizer).isEqualTo(Optional.of(HttpApiEvent.NO_AUTHORIZER));
    }

    @Test
    void reads_the_jwt_authorizer_that_globals_give_the_api() {
        HttpApi api = SamTemplate.load(templateFile, LOCAL).httpApis().get("CatalogApi");

        assertThat(api.defaultAuthorizer()).contains("CatalogJwt");
        assertThat(api.authorizers().get("CatalogJwt")).isEqualTo(new HttpApiAuthorizer.Jwt(
                "CatalogJwt", "$request.header.Authorization", "catalog-local", List.of("catalog-api")));
    }

    @Test
    void reads_msk_event_sources_with_lambda_defaults_for_what_is_left_out() {
        SamTemplate template = SamTemplate.load(templateFile, LOCAL);

        MskEvent search = template.function("SearchProjectionFunction").events(MskEvent.class).getFirst();
        assertThat(search.stream()).isEqualTo("arn:aws:kafka:us-east-1:000000000000:cluster/catalog-local/local");
        assertThat(search.topics()).containsExactly("catalog.events");
        assertThat(search.startingPosition()).isEqualTo(MskEvent.StartingPosition.TRIM_HORIZON);
        assertThat(search.batchSize()).isEqualTo(500);
        assertThat(search.maximumBatchingWindow()).isEqualTo(Duration.ofSeconds(1));
        assertThat(search.consumerGroupId()).contains("catalog-search-projection");
        assertThat(search.reportsBatchItemFailures()).isTrue();
        assertThat(search.maximumRetryAttempts()).isEqualTo(5);
        assertThat(search.bisectBatchOnFunctionError()).isTrue();
        assertThat(search.onFailure()).contains(
                new MskEvent.FailureDestination(Optional.of("Kafka"), "kafka://catalog.dead-letter"));
        assertThat(search.filterPatterns())
                .containsExactly("{\"value\": {\"event_type\": [{\"anything-but\": \"Heartbeat\"}]}}");

        MskEvent detail = template.function("DetailProjectionFunction").events(MskEvent.class).getFirst();
        assertThat(detail.startingPosition()).isEqualTo(MskEvent.StartingPosition.LATEST);
        assertThat(detail.batchSize()).isEqualTo(MskEvent.DEFAULT_BATCH_SIZE);
        assertThat(detail.maximumBatchingWindow()).isEqualTo(MskEvent.DEFAULT_BATCHING_WINDOW);
        assertThat(detail.consumerGroupId()).isEmpty();
        assertThat(detail.enabled()).isTrue();
        assertThat(detail.maximumRetryAttempts()).isEqualTo(MskEvent.UNLIMITED);
        assertThat(detail.reportsBatchItemFailures()).isFalse();
        assertThat(detail.onFailure()).isEmpty();
    }

    @Test
    void keeps_events_of_types_it_does_not_run_as_written() {
        ServerlessFunction health = SamTemplate.load(templateFile, LOCAL).function("HealthFunction");

        assertThat(health.events().get("Uploads")).isEqualTo(new OtherEvent("Uploads", "S3", Map.of(
                "Bucket", new Intrinsic.Ref("UploadBucket"), "Events", "s3:ObjectCreated:*")));
    }

    @Test
    void reads_schedules_with_their_rate_state_and_input() {
        ServerlessFunction health = SamTemplate.load(templateFile, LOCAL).function("HealthFunction");

        assertThat(health.events().get("Warmup")).isEqualTo(new ScheduleEvent("Warmup", "Schedule", "rate(5 minutes)",
                Duration.ofMinutes(5), true, Optional.of("{\"stage\": \"dev\"}")));
        assertThat(health.events().get("Nightly")).isEqualTo(new ScheduleEvent("Nightly", "ScheduleV2", "rate(1 day)",
                Duration.ofDays(1), false, Optional.empty()));
    }

    @Test
    void refuses_a_schedule_it_cannot_run_instead_of_skipping_it() throws IOException {
        Path broken = directory.resolve("cron-template.yaml");
        Files.writeString(broken, Files.readString(templateFile).replace("rate(5 minutes)", "cron(0 3 * * ? *)"));

        assertThatThrownBy(() -> SamTemplate.load(broken, LOCAL)).isInstanceOf(TemplateException.class)
                .hasMessageContaining("Resources.HealthFunction.Properties.Events.Warmup.Properties.Schedule: "
                        + "the local runtime runs rate() schedules only, found cron(0 3 * * ? *)");
    }

    @Test
    void reads_state_machines_with_their_substitutions_resolved() {
        StateMachine rebuild = SamTemplate.load(templateFile, LOCAL).stateMachines().get("RebuildStateMachine");

        assertThat(rebuild.name()).contains("catalog-rebuild-dev");
        assertThat(rebuild.type()).isEqualTo("STANDARD");
        assertThat(rebuild.definitionUri()).contains(directory.resolve("infra/statemachine/rebuild.asl.json"));
        assertThat(rebuild.definitionSubstitutions()).containsOnly(
                Map.entry("PrepareFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:PrepareRebuildFunction"),
                Map.entry("Region", "us-east-1"));
    }

    @Test
    void follows_conditions_as_cloudformation_would() {
        SamTemplate dev = SamTemplate.load(templateFile, LOCAL);
        assertThat(dev.functions()).doesNotContainKey("ProductionOnlyFunction");
        assertThat(dev.function("SearchProjectionFunction").environment())
                .containsEntry("DEAD_LETTER_TOPIC", "catalog.dead-letter");

        Map<String, String> refs = new HashMap<>(LOCAL.refs());
        refs.put("Stage", "prod");
        SamTemplate prod = SamTemplate.load(templateFile, new LocalValues(refs, LOCAL.attributes()));
        assertThat(prod.functions()).containsKey("ProductionOnlyFunction");
        assertThat(prod.function("SearchProjectionFunction").environment())
                .doesNotContainKey("DEAD_LETTER_TOPIC")
                .containsEntry("LOG_LEVEL", "INFO");
    }

    @Test
    void reports_every_value_it_cannot_resolve_locally_with_where_it_is_used() {
        assertThatThrownBy(() -> SamTemplate.load(templateFile, LocalValues.none()))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.problems()).contains(
                        "Resources.CreateProductFunction.Properties.Environment.Variables.DB_HOST: "
                                + "!GetAtt AuroraCluster.Endpoint.Address: the local runtime has no value for it",
                        "Resources.CreateProductFunction.Properties.Environment.Variables.DB_SECRET_ARN: "
                                + "!Ref AppDbSecret: the local runtime has no value for this resource",
                        "Resources.SearchProjectionFunction.Properties.Events.ProductEvents.Properties.Stream: "
                                + "!Ref MskClusterArn: the parameter has no Default and the local runtime gives it no value",
                        "Resources.CatalogApi.Properties.Auth.Authorizers.CatalogJwt.JwtConfiguration.issuer: "
                                + "!Ref JwtIssuer: the parameter has no Default and the local runtime gives it no value",
                        "Resources.RebuildStateMachine.Properties.DefinitionSubstitutions.PrepareFunctionArn: "
                                + "!GetAtt PrepareRebuildFunction.Arn: the local runtime has no value for it"));
    }

    @Test
    void gives_routes_without_an_api_to_sams_implicit_api() throws IOException {
        Path template = Files.writeString(directory.resolve("implicit.yaml"), """
                Globals:
                  HttpApi:
                    Auth:
                      Authorizers:
                        Jwt:
                          JwtConfiguration: {issuer: catalog-local, audience: [catalog-api]}
                      DefaultAuthorizer: Jwt
                Resources:
                  Anything:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: app.zip
                      Handler: example.Handler
                      Runtime: java21
                      Events:
                        CatchAll:
                          Type: HttpApi
                """);

        SamTemplate sam = SamTemplate.load(template, LocalValues.none());

        HttpApiEvent catchAll = sam.function("Anything").events(HttpApiEvent.class).getFirst();
        assertThat(catchAll.routeKey()).isEqualTo("$default");
        assertThat(catchAll.apiId()).isEqualTo(HttpApiEvent.IMPLICIT_API);
        assertThat(sam.httpApis().get(HttpApiEvent.IMPLICIT_API).defaultAuthorizer()).contains("Jwt");
        assertThat(sam.function("Anything").timeout()).isEqualTo(ServerlessFunction.DEFAULT_TIMEOUT);
        assertThat(sam.function("Anything").memorySizeMb()).isEqualTo(ServerlessFunction.DEFAULT_MEMORY_SIZE_MB);
    }

    @Test
    void reports_what_a_function_is_missing_and_routes_to_apis_that_do_not_exist() throws IOException {
        Path template = Files.writeString(directory.resolve("broken.yaml"), """
                Resources:
                  Broken:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: {Bucket: artifacts, Key: app.zip}
                      Events:
                        Route:
                          Type: HttpApi
                          Properties: {ApiId: !Ref MissingApi, Path: /things, Method: GET}
                """);

        assertThatThrownBy(() -> SamTemplate.load(template, LocalValues.none()))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "Resources.Broken.Properties.Handler: is required",
                        "Resources.Broken.Properties.Runtime: is required",
                        "Resources.Broken.Properties.CodeUri: must be a path relative to the template; "
                                + "an S3 location cannot be used locally",
                        "Resources.Broken.Properties.Events.Route.Properties.ApiId: MissingApi is not an "
                                + "AWS::Serverless::HttpApi of this template"));
    }

    private static List<HttpApiEvent> routes(SamTemplate template, String function) {
        return template.function(function).events(HttpApiEvent.class);
    }
}
