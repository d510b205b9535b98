package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;

/**
 * Rebuild task: replay batches of the event log into the new version for a few minutes, then hand back how far it got
 * (the state machine loops until {@code done}).
 */
public final class ReplayRebuildFunction implements RequestHandler<RebuildState, RebuildState> {

    /** Long enough that a log of tens of millions of events takes few loop turns, short of Lambda's 15 minutes. */
    static final Duration SLICE = Duration.ofSeconds(RebuildRequest.Pace.DEFAULT.sliceSeconds());
    /** Left for the batch under way when the slice ends, and for answering. */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final Rebuilds rebuilds;

    public ReplayRebuildFunction() {
        this(RebuildModule.rebuilds());
    }

    public ReplayRebuildFunction(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public RebuildState handleRequest(RebuildState state, Context context) {
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis()).minus(MARGIN);
        Duration slice = state.pace() == null ? SLICE : Duration.ofSeconds(state.pace().sliceSeconds());
        Duration budget = remaining.compareTo(slice) < 0 ? remaining : slice;
        return rebuilds.replay(state, budget.isNegative() ? Duration.ZERO : budget);
    }
}
