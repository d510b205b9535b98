package dev.catalog.platform.db;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Transactions that lose to a concurrent one (a serialization failure, a deadlock) and are worth running again. Going
 * again at once usually meets the same rival still running; a random pause that grows with each attempt lets it commit
 * first, and keeps two losers from colliding in step.
 */
public final class Conflicts {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(20);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(1);

    private Conflicts() {
    }

    /** Serialization failure (40001) or deadlock (40P01): another transaction won; retrying resolves it. */
    public static boolean isConflict(SQLException e) {
        return "40001".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
    }

    /** Sleeps a random time up to 20 ms × 2^(attempt-1), at most a second ("full jitter"). */
    public static void pauseAfter(int attempt) {
        long ceiling = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(attempt - 1, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a conflicting transaction", e);
        }
    }
}
