package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Rebuild task, on any failure: the run's BUILDING versions become FAILED and their targets are dropped. */
public final class AbortRebuildFunction implements RequestHandler<AbortRebuildFunction.Input, AbortRebuildFunction.Output> {

    /** @param error the error the state machine caught ({@code Error}), @param cause its {@code Cause} */
    public record Input(String runId, String error, String cause) {
    }

    public record Output(String runId, boolean aborted) {
    }

    private final Rebuilds rebuilds;

    public AbortRebuildFunction() {
        this(RebuildModule.rebuilds());
    }

    public AbortRebuildFunction(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public Output handleRequest(Input input, Context context) {
        String error = input.error() == null ? "aborted" : input.error() + (input.cause() == null ? "" : ": " + input.cause());
        rebuilds.abort(input.runId(), error.length() > 2_000 ? error.substring(0, 2_000) : error);
        return new Output(input.runId(), true);
    }
}
