package dev.catalog.local.stepfunctions.asl;

/** How long a Wait state waits: {@code Seconds}/{@code SecondsPath} or until {@code Timestamp}/{@code TimestampPath}. */
public sealed interface WaitDuration {

    record Seconds(ValueExpression seconds) implements WaitDuration {
    }

    record Until(ValueExpression timestamp) implements WaitDuration {
    }
}
