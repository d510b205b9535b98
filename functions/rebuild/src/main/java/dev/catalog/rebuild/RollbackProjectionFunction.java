package dev.catalog.rebuild;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.catalog.platform.projection.ProjectionName;

/**
 * Makes LIVE again the version that was LIVE before the current one, or the RETIRED version named, after catching it
 * up on the events it missed ({@code ./catalog rollback}, the console, or {@code aws lambda invoke}).
 */
public final class RollbackProjectionFunction implements RequestHandler<RollbackProjectionFunction.Input, Rebuilds.Rollback> {

    /** @param toVersion the RETIRED version to make LIVE; null: the one LIVE before the current one */
    public record Input(String projection, Integer toVersion) {
    }

    private final Rebuilds rebuilds;
    private final int retiredKept;

    public RollbackProjectionFunction() {
        this(RebuildModule.rebuilds(), RetiredVersions.kept());
    }

    public RollbackProjectionFunction(Rebuilds rebuilds, int retiredKept) {
        this.rebuilds = rebuilds;
        this.retiredKept = retiredKept;
    }

    @Override
    public Rebuilds.Rollback handleRequest(Input input, Context context) {
        ProjectionName.of(input.projection());
        if (input.toVersion() != null && input.toVersion() < 1) {
            throw new IllegalArgumentException("toVersion must be 1 or more, not " + input.toVersion());
        }
        return rebuilds.rollback(input.projection(), input.toVersion(), "rollback " + context.getAwsRequestId(), retiredKept);
    }
}
