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

    /**
     * An event in a schema version newer than this code knows, written by a newer release of the command functions.
     * Sound, so never dead-lettered: its partition waits at it (the event source retries) until this projection's
     * newer release is deployed.
     */
    record Newer(OutboxRecord record, String reason) implements Decoded {
    }

    /** A record nothing can be made of; it goes to the dead-letter topic with the reason. */
    record Poison(OutboxRecord record, String reason) implements Decoded {
    }
}
