package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Rebuild task: compare the new version with the write model (counts and checksums per tenant). */
public final class VerifyRebuildFunction implements RequestHandler<RebuildState, RebuildState> {

    private final Rebuilds rebuilds;

    public VerifyRebuildFunction() {
        this(RebuildModule.rebuilds());
    }

    public VerifyRebuildFunction(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public RebuildState handleRequest(RebuildState state, Context context) {
        return rebuilds.verify(state);
    }
}
