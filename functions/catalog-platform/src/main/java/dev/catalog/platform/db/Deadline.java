package dev.catalog.platform.db;

import com.amazonaws.services.lambda.runtime.Context;
import dev.catalog.platform.failure.ServiceUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The moment a function must stop waiting for its database so that it can still answer before Lambda ends it.
 * A function that runs out its timeout gets no answer of its own: API Gateway turns it into a bare 500, and the
 * client cannot tell "retry" from "broken". Bounding every read from the database by the time left turns a server
 * that is frozen, recovering or holding a lock for too long into a 503 with Retry-After, with the transaction
 * rolled back, so nothing is changed.
 */
public final class Deadline {

    /** Left for rolling back and answering once the database has been given up on. */
    static final Duration ANSWER_MARGIN = Duration.ofMillis(1_000);

    private static final Deadline NONE = new Deadline(Long.MAX_VALUE);

    private final long giveUpAtNanos;

    private Deadline(long giveUpAtNanos) {
        this.giveUpAtNanos = giveUpAtNanos;
    }

    /** The invocation's deadline less the answer margin; none without a context (a caller that sets no bound). */
    public static Deadline of(Context context) {
        if (context == null) {
            return NONE;
        }
        return after(Duration.ofMillis(context.getRemainingTimeInMillis()).minus(ANSWER_MARGIN));
    }

    /** No bound: the database's own timeouts apply alone. */
    public static Deadline none() {
        return NONE;
    }

    /** A deadline {@code left} from now. */
    public static Deadline after(Duration left) {
        return new Deadline(System.nanoTime() + left.toNanos());
    }

    /**
     * Makes every read on {@code connection} fail once this deadline has passed (the driver closes the connection
     * and throws a connection error, SQLSTATE 08006, which answers 503); fails at once when no time is left.
     */
    public void bound(Connection connection) throws SQLException {
        if (this == NONE) {
            return;
        }
        long millisLeft = Duration.ofNanos(giveUpAtNanos - System.nanoTime()).toMillis();
        if (millisLeft <= 0) {
            throw new ServiceUnavailableException("database", "no time left to wait for it", null);
        }
        // The driver applies the timeout itself, on the socket; the executor is only used to abort a connection
        // that a timeout left unusable, which it does on the calling thread here.
        connection.setNetworkTimeout(Runnable::run, (int) Math.min(millisLeft, Integer.MAX_VALUE));
    }
}
