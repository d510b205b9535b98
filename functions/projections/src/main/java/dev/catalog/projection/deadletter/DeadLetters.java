package dev.catalog.projection.deadletter;

import dev.catalog.projection.log.OutboxRecord;
import java.util.List;

/** Where records a projection cannot use go, with the reason, so the partition can move on without losing them. */
public interface DeadLetters {

    /**
     * Sends the records and waits until the broker has them.
     *
     * @return the records that could not be sent (the caller must not move past them)
     */
    List<OutboxRecord> send(String projection, List<DeadLetter> letters);

    record DeadLetter(OutboxRecord record, String reason) {
    }
}
