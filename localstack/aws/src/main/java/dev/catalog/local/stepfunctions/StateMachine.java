package dev.catalog.local.stepfunctions;

import dev.catalog.local.stepfunctions.asl.StateMachineDefinition;
import java.time.Instant;
import java.util.Objects;

/** A registered state machine (type STANDARD). */
public record StateMachine(String arn, String name, String roleArn, StateMachineDefinition definition,
                           Instant creationDate) {

    public StateMachine {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(creationDate, "creationDate");
    }
}
