package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * Rebuild task: make the version this run built and verified LIVE in one step; the previous one is RETIRED (no longer
 * written, kept for rollback), and RETIRED versions beyond {@code RETIRED_VERSIONS_KEPT} are dropped.
 */
public final class CutOverRebuildFunction implements RequestHandler<RebuildState, RebuildState> {

    private final Rebuilds rebuilds;
    private final int retiredKept;

    public CutOverRebuildFunction() {
        this(RebuildModule.rebuilds(), RetiredVersions.kept());
    }

    public CutOverRebuildFunction(Rebuilds rebuilds, int retiredKept) {
        this.rebuilds = rebuilds;
        this.retiredKept = retiredKept;
    }

    @Override
    public RebuildState handleRequest(RebuildState state, Context context) {
        return rebuilds.cutOver(state, retiredKept);
    }
}
