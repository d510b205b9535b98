package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Rebuild task: register (or resume) the new version, create its target, take the high-water mark. */
public final class PrepareRebuildFunction implements RequestHandler<PrepareRebuildFunction.Input, RebuildState> {

    /** @param runId the execution's id ({@code $$.Execution.Id}): the run that answers for the version */
    public record Input(String runId, RebuildRequest request) {
    }

    private final Rebuilds rebuilds;

    public PrepareRebuildFunction() {
        this(RebuildModule.rebuilds());
    }

    public PrepareRebuildFunction(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public RebuildState handleRequest(Input input, Context context) {
        return rebuilds.prepare(input.request(), input.runId());
    }
}
