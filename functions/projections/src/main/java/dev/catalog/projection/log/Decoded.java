package dev.catalog.projection.log;

import dev.catalog.platform.events.LoggedEvent;
import java.time.Instant;

/** What one outbox record turned out to be. */
public sealed interface Decoded {

    OutboxRecord record();

    /** A domain event, with its envelope. */
    record Event(OutboxRecord record, LoggedEvent event) implements Decoded {
        public long sequence() {
            return event.envelope().sequence();
        }
    }

    /** A Debezium heartbeat appended to the outbox: proof the chain is alive, and how long it takes. */
    record Heartbeat(OutboxRecord record, long sequence, Instant emittedAt) implements Decoded {
    }

    /** A record nothing can be made of; it goes to the dead-letter topic with the reason. */
    record Poison(OutboxRecord record, String reason) implements Decoded {
    }
}
