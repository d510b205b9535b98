package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** Makes a projection's previous version LIVE again ({@code ./catalog rollback}, or {@code aws lambda invoke}). */
public final class RollbackProjectionFunction implements RequestHandler<RollbackProjectionFunction.Input, RollbackProjectionFunction.Output> {

    public record Input(String projection) {
    }

    public record Output(String projection, int live) {
    }

    private final Rebuilds rebuilds;

    public RollbackProjectionFunction() {
        this(RebuildModule.rebuilds());
    }

    public RollbackProjectionFunction(Rebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Override
    public Output handleRequest(Input input, Context context) {
        if (!Projections.DETAIL.equals(input.projection()) && !Projections.SEARCH.equals(input.projection())) {
            throw new IllegalArgumentException("projection must be detail or search, not " + input.projection());
        }
        return new Output(input.projection(), rebuilds.rollback(input.projection()));
    }
}
