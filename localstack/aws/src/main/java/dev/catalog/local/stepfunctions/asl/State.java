package dev.catalog.local.stepfunctions.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * A state of the Amazon States Language, as far as this engine runs it (JSONPath query language). Parallel and Map
 * are not among them: no state machine of this project uses them, and the parser refuses them by name.
 */
public sealed interface State {

    String name();

    /** The {@code Type} as written in ASL, which also prefixes its history events ({@code PassStateEntered}). */
    String type();

    record Pass(String name, Transition transition, DataFlow dataFlow, Optional<JsonNode> result) implements State {
        @Override
        public String type() {
            return "Pass";
        }
    }

    /**
     * @param timeout the {@code TimeoutSeconds} or {@code TimeoutSecondsPath}; empty: no timeout of its own
     */
    record Task(String name, Transition transition, DataFlow dataFlow, TaskResource resource,
                Optional<ValueExpression> timeout, ErrorHandling errorHandling) implements State {
        @Override
        public String type() {
            return "Task";
        }
    }

    record Choice(String name, List<ChoiceBranch> choices, Optional<String> defaultState, DataFlow dataFlow)
            implements State {
        public Choice {
            choices = List.copyOf(choices);
        }

        @Override
        public String type() {
            return "Choice";
        }
    }

    /** A top-level Choice rule with the state it leads to. */
    record ChoiceBranch(ChoiceRule rule, String next) {
    }

    record Wait(String name, Transition transition, WaitDuration duration, DataFlow dataFlow) implements State {
        @Override
        public String type() {
            return "Wait";
        }
    }

    record Succeed(String name, DataFlow dataFlow) implements State {
        @Override
        public String type() {
            return "Succeed";
        }
    }

    /** {@code Error}/{@code ErrorPath} and {@code Cause}/{@code CausePath}, each optional. */
    record Fail(String name, Optional<ValueExpression> error, Optional<ValueExpression> cause) implements State {
        @Override
        public String type() {
            return "Fail";
        }
    }
}
