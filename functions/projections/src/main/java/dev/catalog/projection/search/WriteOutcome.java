package dev.catalog.projection.search;

import dev.catalog.platform.events.LoggedEvent;
import java.util.Objects;

/** What writing one event to the search indices came to. */
public sealed interface WriteOutcome {

    LoggedEvent event();

    /** The event's part is written: the index held an older version of it, or none. */
    record Applied(LoggedEvent event) implements WriteOutcome {
        public Applied {
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * Nothing changed for this event: the index holds this part at the event's aggregate version or a newer one (a
     * duplicate, or a late delivery), or a newer event of the same aggregate in the batch was written in its place.
     */
    record Stale(LoggedEvent event) implements WriteOutcome {
        public Stale {
            Objects.requireNonNull(event, "event");
        }
    }

    /** OpenSearch refused the write for what it says; delivering it again cannot help, so it is poison. */
    record Rejected(LoggedEvent event, String reason) implements WriteOutcome {
        public Rejected {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
