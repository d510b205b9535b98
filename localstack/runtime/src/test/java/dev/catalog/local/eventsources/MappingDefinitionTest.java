package dev.catalog.local.eventsources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.local.template.LocalValues;
import dev.catalog.local.template.MskEvent;
import dev.catalog.local.template.SamTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MappingDefinitionTest {

    private static final String REQUIRED = """
            Stream: arn:aws:kafka:us-east-1:000000000000:cluster/local/1
            Topics: [catalog.events]
            StartingPosition: TRIM_HORIZON
            """;

    @TempDir
    Path directory;

    @Test
    void takes_lambdas_defaults_for_what_the_event_leaves_out() throws IOException {
        MappingDefinition mapping = mapping(REQUIRED);

        assertThat(mapping.name()).isEqualTo("ProjectionFunction/Events");
        assertThat(mapping.batchSize()).isEqualTo(100);
        assertThat(mapping.batchingWindow()).isEqualTo(Duration.ofMillis(500));
        assertThat(mapping.retryPolicy()).isEqualTo(new RetryPolicy(RetryPolicy.UNLIMITED, Optional.empty(), false));
        assertThat(mapping.reportsBatchItemFailures()).isFalse();
        assertThat(mapping.failureTopic()).isEmpty();
        assertThat(mapping.enabled()).isTrue();
        assertThat(mapping.functionTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void caps_unlimited_retries_at_ten_when_an_on_failure_destination_is_set() throws IOException {
        MappingDefinition mapping = mapping(REQUIRED + """
                DestinationConfig:
                  OnFailure:
                    Destination: kafka://catalog.dead-letter
                """);

        assertThat(mapping.retryPolicy().maximumRetryAttempts()).isEqualTo(10);
        assertThat(mapping.failureTopic()).contains("catalog.dead-letter");
        assertThat(MappingDefinition.failureTopics(List.of(mapping))).containsExactly("catalog.dead-letter");
    }

    @Test
    void takes_the_template_s_error_handling_settings() throws IOException {
        MappingDefinition mapping = mapping(REQUIRED + """
                BatchSize: 500
                MaximumBatchingWindowInSeconds: 0
                MaximumRetryAttempts: 3
                MaximumRecordAgeInSeconds: 3600
                BisectBatchOnFunctionError: true
                FunctionResponseTypes: [ReportBatchItemFailures]
                ConsumerGroupId: catalog-search-projection
                ProvisionedPollerConfig: {MinimumPollers: 1, MaximumPollers: 2}
                DestinationConfig:
                  OnFailure:
                    Type: Kafka
                    Destination: kafka://catalog.dead-letter
                """);

        assertThat(mapping.batchSize()).isEqualTo(500);
        assertThat(mapping.batchingWindow()).isZero();
        assertThat(mapping.retryPolicy()).isEqualTo(new RetryPolicy(3, Optional.of(Duration.ofHours(1)), true));
        assertThat(mapping.reportsBatchItemFailures()).isTrue();
        assertThat(mapping.consumerGroupId()).isEqualTo("catalog-search-projection");
    }

    @Test
    void names_the_group_of_a_mapping_without_consumer_group_id_after_its_function_and_event() throws IOException {
        String first = mapping(REQUIRED).consumerGroupId();

        assertThat(mapping(REQUIRED).consumerGroupId()).isEqualTo(first);
        assertThat(first).as("shaped like the mapping UUID Lambda names the group after")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(mappings("OtherFunction", REQUIRED).getFirst().consumerGroupId()).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Type: SQS\n    Destination: arn:aws:sqs:us-east-1:000000000000:dead-letters",
            "Destination: arn:aws:sns:us-east-1:000000000000:dead-letters",
            "Type: S3Bucket\n    Destination: arn:aws:s3:::dead-letters",
            "Type: SNS\n    Destination: kafka://catalog.dead-letter"})
    void refuses_an_on_failure_destination_that_is_not_a_kafka_topic(String onFailure) {
        assertThatThrownBy(() -> mapping(REQUIRED + "DestinationConfig:\n  OnFailure:\n    " + onFailure + "\n"))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("ProjectionFunction/Events: on-failure destination ")
                        .contains("cannot be served locally").contains("kafka://<topic>"));
    }

    @Test
    void refuses_a_destination_topic_that_is_a_source_topic() {
        assertThatThrownBy(() -> mapping(REQUIRED + """
                DestinationConfig:
                  OnFailure:
                    Destination: kafka://catalog.events
                """))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.problems()).containsExactly(
                        "ProjectionFunction/Events: on-failure destination topic catalog.events is one of the source "
                                + "topics; Lambda refuses that to prevent a loop"));
    }

    @Test
    void refuses_more_than_one_topic_as_lambda_does() {
        assertThatThrownBy(() -> mapping(REQUIRED.replace("Topics: [catalog.events]", "Topics: [catalog.events, catalog.other]")))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.problems()).containsExactly(
                        "ProjectionFunction/Events: Topics [catalog.events, catalog.other] names 2 topics; a Kafka event"
                                + " source mapping reads exactly one topic"));
    }

    @Test
    void refuses_filter_criteria_it_would_not_apply() {
        assertThatThrownBy(() -> mapping(REQUIRED + """
                FilterCriteria:
                  Filters:
                    - Pattern: '{"value": {"event_type": ["ProductCreated"]}}'
                """))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().contains("FilterCriteria is not supported"));
    }

    @Test
    void lists_every_setting_lambda_would_reject() {
        assertThatThrownBy(() -> mapping("""
                Stream: arn:aws:kafka:us-east-1:000000000000:cluster/local/1
                Topics: [catalog.events]
                StartingPosition: AT_TIMESTAMP
                BatchSize: 0
                MaximumBatchingWindowInSeconds: 301
                MaximumRetryAttempts: 10001
                MaximumRecordAgeInSeconds: 59
                FunctionResponseTypes: [ReportItemFailures]
                """))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.problems()).containsExactly(
                        "ProjectionFunction/Events: BatchSize 0 is outside 1..10000",
                        "ProjectionFunction/Events: MaximumBatchingWindowInSeconds 301 is outside 0..300",
                        "ProjectionFunction/Events: MaximumRetryAttempts 10001 is outside -1..10000",
                        "ProjectionFunction/Events: MaximumRecordAgeInSeconds 59 must be -1 or within 60..604800",
                        "ProjectionFunction/Events: StartingPosition AT_TIMESTAMP needs StartingPositionTimestamp",
                        "ProjectionFunction/Events: FunctionResponseTypes ReportItemFailures is not one of "
                                + "[ReportBatchItemFailures]"));
    }

    @Test
    void refuses_two_mappings_in_one_consumer_group() throws IOException {
        Path template = write("""
                Resources:
                  SearchProjection:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Products: {Type: MSK, Properties: {Stream: s, Topics: [a], StartingPosition: LATEST, ConsumerGroupId: shared}}
                  DetailProjection:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Products: {Type: MSK, Properties: {Stream: s, Topics: [a], StartingPosition: LATEST, ConsumerGroupId: shared}}
                """);

        assertThatThrownBy(() -> MappingDefinition.of(SamTemplate.load(template, LocalValues.none())))
                .isInstanceOfSatisfying(InvalidMappingException.class, e -> assertThat(e.problems()).containsExactly(
                        "DetailProjection/Products: ConsumerGroupId shared is also the group of SearchProjection/Products;"
                                + " Lambda requires a consumer group id unique among all Kafka event sources"));
    }

    @Test
    void keeps_a_disabled_mapping_so_its_status_shows() throws IOException {
        MappingDefinition mapping = mapping(REQUIRED + "Enabled: false\n");

        assertThat(mapping.enabled()).isFalse();
        assertThat(new MappingProgress(mapping).snapshot(List.of()).state()).isEqualTo(MappingState.DISABLED);
    }

    @Test
    void starts_at_timestamp_from_the_template_s_unix_seconds() throws IOException {
        MappingDefinition mapping = mapping(REQUIRED.replace("TRIM_HORIZON", "AT_TIMESTAMP")
                + "StartingPositionTimestamp: 1767225600\n");

        assertThat(mapping.startingPosition()).isEqualTo(MskEvent.StartingPosition.AT_TIMESTAMP);
        assertThat(mapping.startingPositionTimestamp()).hasValueSatisfying(
                timestamp -> assertThat(timestamp.toString()).isEqualTo("2026-01-01T00:00:00Z"));
    }

    private MappingDefinition mapping(String properties) throws IOException {
        return mappings("ProjectionFunction", properties).getFirst();
    }

    private List<MappingDefinition> mappings(String function, String properties) throws IOException {
        String indented = properties.lines().map(line -> "            " + line).reduce("", (a, b) -> a + b + "\n");
        return MappingDefinition.of(SamTemplate.load(write("""
                Resources:
                  %s:
                    Type: AWS::Serverless::Function
                    Properties:
                      Events:
                        Events:
                          Type: MSK
                          Properties:
                %s""".formatted(function, indented)), LocalValues.none()));
    }

    private Path write(String resources) throws IOException {
        Path template = directory.resolve("template.yaml");
        Files.writeString(template, """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    Runtime: java21
                    CodeUri: functions.zip
                    Handler: dev.catalog.Function
                """ + resources);
        return template;
    }
}
