package dev.catalog.command.execution;

import dev.catalog.domain.shared.DomainEvent;
import dev.catalog.domain.shared.Rejection;
import java.util.List;

/** What a unit of work decided inside its transaction: a result and the events to append, or a rejection. */
sealed interface Decided<R> {

    record Changed<R>(R result, List<? extends DomainEvent> events) implements Decided<R> {
        public Changed {
            events = List.copyOf(events);
        }
    }

    record Refused<R>(Rejection rejection) implements Decided<R> {
    }

    static <R> Decided<R> changed(R result, List<? extends DomainEvent> events) {
        return new Changed<>(result, events);
    }

    static <R> Decided<R> refused(Rejection rejection) {
        return new Refused<>(rejection);
    }
}
