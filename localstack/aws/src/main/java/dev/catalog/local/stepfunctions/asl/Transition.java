package dev.catalog.local.stepfunctions.asl;

/** Where a state goes when it is done: {@code Next} or {@code End}. */
public sealed interface Transition {

    record Next(String state) implements Transition {
    }

    record End() implements Transition {
    }
}
