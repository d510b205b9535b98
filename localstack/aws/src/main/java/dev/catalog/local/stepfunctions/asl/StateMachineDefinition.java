package dev.catalog.local.stepfunctions.asl;

import java.util.Optional;

/**
 * A validated state machine definition.
 *
 * @param json           the definition text after substitutions, as {@code DescribeStateMachine} returns it
 * @param timeoutSeconds the machine's {@code TimeoutSeconds}, if any
 */
public record StateMachineDefinition(String json, StateGraph graph, Optional<Integer> timeoutSeconds) {
}
