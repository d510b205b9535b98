package dev.catalog.domain.shared;

import java.util.List;

/**
 * What an aggregate decided about a command: the events that record the change (none when the command
 * changes nothing), or the rejection that explains why it refused.
 */
public sealed interface Decision<E> {

    record Accepted<E>(List<E> events) implements Decision<E> {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    record Rejected<E>(Rejection rejection) implements Decision<E> {
    }

    static <E> Decision<E> accepted(E event) {
        return new Accepted<>(List.of(event));
    }

    static <E> Decision<E> accepted(List<E> events) {
        return new Accepted<>(events);
    }

    /** Accepted, but there is nothing to record: the state already is what the command asks for. */
    static <E> Decision<E> unchanged() {
        return new Accepted<>(List.of());
    }

    static <E> Decision<E> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    static <E> Decision<E> rejected(RejectionCode code, String field, String message) {
        return new Rejected<>(new Rejection.RuleBroken(code, field, message));
    }
}
