package dev.catalog.local.stepfunctions.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.stepfunctions.ErrorNames;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StatesFailure;
import dev.catalog.local.stepfunctions.asl.Catcher;
import dev.catalog.local.stepfunctions.asl.DataFlow;
import dev.catalog.local.stepfunctions.asl.ErrorHandling;
import dev.catalog.local.stepfunctions.asl.Retrier;
import dev.catalog.local.stepfunctions.asl.State;
import dev.catalog.local.stepfunctions.asl.StateGraph;
import dev.catalog.local.stepfunctions.asl.Transition;
import dev.catalog.local.stepfunctions.asl.ValueExpression;
import dev.catalog.local.stepfunctions.asl.WaitDuration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Runs states: data flow, history events, Retry and Catch. One interpreter serves one execution; its methods run on
 * the execution's virtual threads.
 */
final class Interpreter {

    private final ExecutionRun run;
    private final TaskInvoker tasks;

    Interpreter(ExecutionRun run) {
        this.run = run;
        this.tasks = new TaskInvoker(run);
    }

    /** Where a state leaves the flow: its output, and the next state (empty: the graph ends here). */
    private record Outcome(JsonNode output, Optional<String> next) {
    }

    /** The work of one attempt of a Task, from the context object to the state output. */
    @FunctionalInterface
    private interface Attempt {
        JsonNode run(JsonNode context);
    }

    JsonNode runGraph(StateGraph graph, JsonNode input, Strand strand) {
        String current = graph.startAt();
        JsonNode data = input;
        while (true) {
            Outcome outcome = runState(graph.state(current), data, strand);
            if (outcome.next().isEmpty()) {
                return outcome.output();
            }
            current = outcome.next().get();
            data = outcome.output();
        }
    }

    private Outcome runState(State state, JsonNode input, Strand strand) {
        Instant entered = run.services().clock().instant();
        long enteredEventId = run.record(strand, state.type() + "StateEntered", stateDetails(state.name(), "input", input));
        try {
            return switch (state) {
                case State.Pass pass -> pass(pass, input, strand, entered);
                case State.Task task -> withRetries(task, task.transition(), task.errorHandling(), input, strand, entered,
                        context -> task.dataFlow().output(input, tasks.run(task, input, context, strand), context));
                case State.Choice choice -> choice(choice, input, strand, entered);
                case State.Wait wait -> waitState(wait, input, strand, entered);
                case State.Succeed succeed -> {
                    JsonNode context = context(succeed.name(), entered, 0);
                    JsonNode output = succeed.dataFlow().outputOfInput(succeed.dataFlow().selectInput(input, context), context);
                    yield exit(state, output, Optional.empty(), strand);
                }
                case State.Fail fail -> throw failure(fail, input, entered);
            };
        } catch (StatesFailure failure) {
            if (failure.isTerminal()) {
                throw new RuntimeFailure(failure.error(), "An error occurred while executing the state '" + state.name()
                        + "' (entered at the event id #" + enteredEventId + "). " + failure.cause());
            }
            throw failure;
        }
    }

    private Outcome pass(State.Pass pass, JsonNode input, Strand strand, Instant entered) {
        JsonNode context = context(pass.name(), entered, 0);
        DataFlow flow = pass.dataFlow();
        JsonNode result = pass.result().orElseGet(() -> flow.effectiveInput(flow.selectInput(input, context), context));
        return exit(pass, flow.output(input, result, context), next(pass.transition()), strand);
    }

    private Outcome choice(State.Choice choice, JsonNode input, Strand strand, Instant entered) {
        JsonNode context = context(choice.name(), entered, 0);
        JsonNode selected = choice.dataFlow().selectInput(input, context);
        String next = choice.choices().stream()
                .filter(branch -> branch.rule().test(selected, context))
                .map(State.ChoiceBranch::next)
                .findFirst()
                .or(choice::defaultState)
                .orElseThrow(() -> new StatesFailure(ErrorNames.NO_CHOICE_MATCHED, "No Matches!"));
        return exit(choice, choice.dataFlow().outputOfInput(selected, context), Optional.of(next), strand);
    }

    private Outcome waitState(State.Wait wait, JsonNode input, Strand strand, Instant entered) {
        JsonNode context = context(wait.name(), entered, 0);
        JsonNode selected = wait.dataFlow().selectInput(input, context);
        Duration pause = switch (wait.duration()) {
            case WaitDuration.Seconds seconds -> Duration.ofSeconds(
                    nonNegativeInteger(seconds.seconds().evaluate(selected, context, "SecondsPath"), "Seconds"));
            case WaitDuration.Until until -> Duration.between(run.services().clock().instant(),
                    timestamp(until.timestamp().evaluate(selected, context, "TimestampPath")));
        };
        pause(pause);
        return exit(wait, wait.dataFlow().outputOfInput(selected, context), next(wait.transition()), strand);
    }

    private StatesFailure failure(State.Fail fail, JsonNode input, Instant entered) {
        JsonNode context = context(fail.name(), entered, 0);
        return new StatesFailure(
                fail.error().map(error -> text(error.evaluate(input, context, "ErrorPath"), "ErrorPath")).orElse(null),
                fail.cause().map(cause -> text(cause.evaluate(input, context, "CausePath"), "CausePath")).orElse(null));
    }

    /**
     * Runs the attempts of a Task until one succeeds, a Retrier gives up or a Catcher takes over.
     * The first Retrier matching the error decides; once its MaxAttempts are spent, the Catchers are tried.
     */
    private Outcome withRetries(State state, Transition transition, ErrorHandling handling, JsonNode input,
                                Strand strand, Instant entered, Attempt attempt) {
        int[] retriesPerRetrier = new int[handling.retriers().size()];
        int retries = 0;
        while (true) {
            try {
                JsonNode output = attempt.run(context(state.name(), entered, retries));
                return exit(state, output, next(transition), strand);
            } catch (StatesFailure failure) {
                if (failure.isTerminal()) {
                    throw failure;
                }
                Optional<Duration> retryDelay = retryDelay(handling.retriers(), retriesPerRetrier, failure);
                if (retryDelay.isPresent()) {
                    pause(retryDelay.get());
                    retries++;
                    continue;
                }
                for (Catcher catcher : handling.catchers()) {
                    if (catcher.matches(failure.error())) {
                        ObjectNode errorOutput = Json.object();
                        errorOutput.put("Error", failure.error());
                        errorOutput.put("Cause", failure.cause());
                        return new Outcome(DataFlow.placeResult(input, errorOutput, catcher.resultPath()),
                                Optional.of(catcher.next()));
                    }
                }
                throw failure;
            }
        }
    }

    private Optional<Duration> retryDelay(List<Retrier> retriers, int[] retriesPerRetrier, StatesFailure failure) {
        for (int i = 0; i < retriers.size(); i++) {
            Retrier retrier = retriers.get(i);
            if (retrier.matches(failure.error())) {
                if (retriesPerRetrier[i] >= retrier.maxAttempts()) {
                    return Optional.empty();
                }
                return Optional.of(retrier.delayBeforeRetry(retriesPerRetrier[i]++, run.services().random()));
            }
        }
        return Optional.empty();
    }

    private Outcome exit(State state, JsonNode output, Optional<String> next, Strand strand) {
        run.record(strand, state.type() + "StateExited", stateDetails(state.name(), "output", output));
        return new Outcome(output, next);
    }

    private static Optional<String> next(Transition transition) {
        return transition instanceof Transition.Next next ? Optional.of(next.state()) : Optional.empty();
    }

    private static ObjectNode stateDetails(String name, String dataField, JsonNode data) {
        ObjectNode details = Json.object();
        details.put("name", name);
        details.put(dataField, Json.text(data));
        details.putObject(dataField + "Details").put("truncated", false);
        return details;
    }

    /** The context object ({@code $$}) as a state sees it. */
    private ObjectNode context(String stateName, Instant entered, int retryCount) {
        ObjectNode context = Json.object();
        context.set("Execution", run.executionContext());
        ObjectNode state = context.putObject("State");
        state.put("EnteredTime", Timestamps.iso(entered));
        state.put("Name", stateName);
        state.put("RetryCount", retryCount);
        context.set("StateMachine", run.stateMachineContext());
        return context;
    }

    private void pause(Duration duration) {
        try {
            run.services().sleeper().sleep(duration);
        } catch (InterruptedException e) {
            throw new CancelledException("the execution has ended");
        }
    }

    static long nonNegativeInteger(JsonNode value, String field) {
        if (!value.isIntegralNumber() || value.longValue() < 0) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The value for '" + field
                    + "' must be a non-negative integer, but is " + Json.text(value));
        }
        return value.longValue();
    }

    private static Instant timestamp(JsonNode value) {
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The value for 'Timestamp' must be an RFC 3339 timestamp, but is "
                    + Json.text(value));
        }
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw new StatesFailure(ErrorNames.RUNTIME, "The value for '" + field + "' must be a string, but is "
                    + Json.text(value));
        }
        return value.textValue();
    }

    /** Evaluates an optional ValueExpression to a positive number of seconds (Task TimeoutSeconds/Path). */
    static Optional<Duration> positiveSeconds(Optional<ValueExpression> value, JsonNode input, JsonNode context) {
        return value.map(expression -> {
            long seconds = nonNegativeInteger(expression.evaluate(input, context, "TimeoutSecondsPath"), "TimeoutSeconds");
            if (seconds == 0) {
                throw new StatesFailure(ErrorNames.RUNTIME, "The value for 'TimeoutSeconds' must be positive");
            }
            return Duration.ofSeconds(seconds);
        });
    }
}
