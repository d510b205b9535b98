package dev.catalog.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalog.local.stepfunctions.asl.DefinitionParser;
import dev.catalog.local.stepfunctions.asl.DefinitionSubstitutions;
import dev.catalog.local.stepfunctions.asl.InvalidDefinitionException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionValidationTest {

    /** A one-state machine whose single Task carries {@code extra} fields. */
    private static String taskWith(String resource, String extra) {
        return """
                {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "%s", %s "End": true}}}"""
                .formatted(resource, extra);
    }

    private static final String LAMBDA = "arn:aws:lambda:us-east-1:000000000000:function:work";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sync integration       | arn:aws:states:::ecs:runTask.sync                 | run-a-job integrations (.sync) are not supported
            callback task          | arn:aws:states:::lambda:invoke.waitForTaskToken   | callback tasks (.waitForTaskToken) are not supported
            other service          | arn:aws:states:::sqs:sendMessage                  | the service integration 'sqs:sendMessage' is not supported
            aws-sdk integration    | arn:aws:states:::aws-sdk:s3:listBuckets           | AWS SDK service integrations are not supported
            activity               | arn:aws:states:us-east-1:000000000000:activity:a  | activities are not supported
            """)
    void refuses_task_resources_it_cannot_run_naming_state_and_field(String what, String resource, String reason) {
        assertThatThrownBy(() -> DefinitionParser.parse(taskWith(resource, "")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining(reason)
                .hasMessageContaining("at /States/Work/Resource");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Assign               | "Assign": {"x": 1},            | workflow variables (Assign) are not supported at /States/Work/Assign
            HeartbeatSeconds     | "HeartbeatSeconds": 60,         | heartbeats only apply to activities and callback tasks, which are not supported at /States/Work/HeartbeatSeconds
            Credentials          | "Credentials": {"RoleArn": "r"},| cross-account task credentials are not supported at /States/Work/Credentials
            Arguments            | "Arguments": {},                | 'Arguments' belongs to the JSONata query language, which is not supported at /States/Work/Arguments
            unknown field        | "Retries": [],                  | Field 'Retries' is not valid in a Task state at /States/Work/Retries
            """)
    void refuses_fields_it_does_not_implement_instead_of_ignoring_them(String what, String field, String message) {
        assertThatThrownBy(() -> DefinitionParser.parse(taskWith(LAMBDA, field)))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining(message);
    }

    @Test
    void refuses_the_jsonata_query_language() {
        String jsonata = """
                {"QueryLanguage": "JSONata", "StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}""";

        assertThatThrownBy(() -> DefinitionParser.parse(jsonata))
                .hasMessageContaining("QueryLanguage 'JSONata' is not supported by the local Step Functions engine");
    }

    @Test
    void refuses_parallel_and_map_states_which_no_state_machine_of_the_project_uses() {
        String concurrent = """
                {"StartAt": "P", "States": {
                  "P": {"Type": "Parallel", "Next": "Each", "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}]},
                  "Each": {"Type": "Map", "ItemProcessor": {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}, "End": true}}}""";

        assertThatThrownBy(() -> DefinitionParser.parse(concurrent))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).contains(
                        "UNSUPPORTED_BY_LOCAL_ENGINE: 'Parallel' states are not run by the local engine (no state machine of this project uses them) at /States/P/Type",
                        "UNSUPPORTED_BY_LOCAL_ENGINE: 'Map' states are not run by the local engine (no state machine of this project uses them) at /States/Each/Type"));
    }

    @Test
    void reports_transitions_to_missing_states_and_unreachable_states() {
        String broken = """
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "Nowhere"},
                  "Orphan": {"Type": "Succeed"}}}""";

        assertThatThrownBy(() -> DefinitionParser.parse(broken))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).contains(
                        "MISSING_TRANSITION_TARGET: State 'A' goes to 'Nowhere', which is not a state of this graph at /States/A",
                        "UNREACHABLE_STATE: State 'Orphan' is not reachable at /States/Orphan"));
    }

    @Test
    void reports_a_graph_that_never_ends() {
        String endless = """
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}""";

        assertThatThrownBy(() -> DefinitionParser.parse(endless))
                .hasMessageContaining("MISSING_TERMINAL_STATE: No state ends this graph (End: true, Succeed or Fail) at /");
    }

    @Test
    void reports_malformed_paths_rules_and_retriers() {
        String broken = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "NumericEquals": "one", "Next": "T"}], "Default": "T"},
                  "T": {"Type": "Task", "Resource": "%s", "ResultPath": "$.items[*]",
                        "Parameters": {"bad.$": "not a path", "call.$": "States.Nope(1)"},
                        "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": 0.5}, {"ErrorEquals": ["X"]}],
                        "End": true}}}""".formatted(LAMBDA);

        assertThatThrownBy(() -> DefinitionParser.parse(broken))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems()).hasSize(6)
                        .anySatisfy(p -> assertThat(p).contains("'NumericEquals' does not accept the value \"one\" at /States/C/Choices/0/NumericEquals"))
                        .anySatisfy(p -> assertThat(p).contains("is not a Reference Path").endsWith("at /States/T/ResultPath"))
                        .anySatisfy(p -> assertThat(p).contains("'not a path' is not a JSONPath").endsWith("at /States/T/Parameters/bad.$"))
                        .anySatisfy(p -> assertThat(p).contains("'States.Nope' is not an intrinsic function"))
                        .anySatisfy(p -> assertThat(p).contains("'BackoffRate' must be a number >= 1.0"))
                        .anySatisfy(p -> assertThat(p).contains("'States.ALL' must appear alone, in the last Retrier")));
    }

    @Test
    void refuses_a_placeholder_without_a_substitution() {
        assertThatThrownBy(() -> DefinitionSubstitutions.apply(taskWith("${WorkFunctionArn}", ""),
                Map.of("OtherArn", "x")))
                .hasMessageContaining("The definition uses ${WorkFunctionArn} but no substitution named 'WorkFunctionArn' was given");
    }

    @Test
    void accepts_every_test_machine() {
        for (String machine : new String[] {"data-flow", "lambda-function-resource", "choice", "choice-without-default",
                "retry-backoff", "jittered-retry", "catch-function-error", "unknown-function", "task-timeout",
                "fail", "wait", "long-wait", "execution-timeout", "counter-loop"}) {
            assertThat(DefinitionParser.parse(Engine.definition(machine)).graph().states()).as(machine).isNotEmpty();
        }
    }
}
