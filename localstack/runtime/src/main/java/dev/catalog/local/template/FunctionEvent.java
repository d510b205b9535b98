package dev.catalog.local.template;

/** An entry of a function's {@code Events}: what makes the function run. */
public sealed interface FunctionEvent permits HttpApiEvent, MskEvent, ScheduleEvent, OtherEvent {

    /** The event's key under {@code Events}. */
    String name();
}
