package dev.catalog.local.stepfunctions.execution;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code DescribeExecution} tells about an execution, at one moment.
 *
 * @param stopDate absent while RUNNING
 * @param output   present once SUCCEEDED
 * @param error    the error name of a FAILED, TIMED_OUT or ABORTED execution, when it has one
 * @param cause    its cause, when it has one
 */
public record Execution(
        String executionArn, String stateMachineArn, String name, ExecutionStatus status, Instant startDate,
        Optional<Instant> stopDate, String input, Optional<String> output, Optional<String> error,
        Optional<String> cause) {

    public Execution {
        Objects.requireNonNull(executionArn, "executionArn");
        Objects.requireNonNull(stateMachineArn, "stateMachineArn");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(input, "input");
    }

    static Execution started(String executionArn, String stateMachineArn, String name, Instant startDate, String input) {
        return new Execution(executionArn, stateMachineArn, name, ExecutionStatus.RUNNING, startDate, Optional.empty(),
                input, Optional.empty(), Optional.empty(), Optional.empty());
    }

    Execution ended(ExecutionStatus endStatus, Instant at, String endOutput, String endError, String endCause) {
        return new Execution(executionArn, stateMachineArn, name, endStatus, startDate, Optional.of(at), input,
                Optional.ofNullable(endOutput), Optional.ofNullable(endError), Optional.ofNullable(endCause));
    }
}
