package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Rebuild task: make the verified version LIVE in one step; the previous one is RETIRED, kept for rollback. */
public final class CutOverRebuildFunction implements RequestHandler<RebuildState, RebuildState> {

    private final Rebuilds rebuilds;

    public CutOverRebuildFunction() {
        this(RebuildModule.rebuilds());
    }

    public CutOverRebuildFunction(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public RebuildState handleRequest(RebuildState state, Context context) {
        return rebuilds.cutOver(state);
    }
}
