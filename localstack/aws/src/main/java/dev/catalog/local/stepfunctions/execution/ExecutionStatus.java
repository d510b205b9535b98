package dev.catalog.local.stepfunctions.execution;

/** The status values of Step Functions' {@code ExecutionStatus}, as far as this engine reaches them. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED
}
