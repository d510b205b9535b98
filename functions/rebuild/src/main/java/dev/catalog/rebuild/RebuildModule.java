package dev.catalog.rebuild;

import dev.catalog.platform.config.Environment;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.projection.readmodel.ProjectionTarget;
import dev.catalog.projection.readmodel.ReadModels;
import dev.catalog.search.client.SearchClients;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import software.amazon.awssdk.regions.Region;

/** The rebuild's dependencies, built once per execution environment. */
public final class RebuildModule {

    private RebuildModule() {
    }

    public static Rebuilds rebuilds() {
        return Holder.REBUILDS;
    }

    private static final class Holder {
        private static final Rebuilds REBUILDS = create();

        private static Rebuilds create() {
            DataSource database = ConnectionPool.create(DatabaseSettings.fromEnvironment(),
                    Environment.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("rebuild"));
            // AWS_ENDPOINT_URL: the AWS SDK's own setting for another endpoint; unset in AWS, the local stack's otherwise.
            Runs runs = new StepFunctionsRuns(Environment.optional("AWS_ENDPOINT_URL").map(URI::create),
                    Region.of(Environment.required("AWS_REGION")));
            // Every read model, each asked for its versions' target on the rebuild role's pool.
            Map<String, ProjectionTarget> targets = Arrays.stream(ProjectionName.values()).collect(Collectors.toMap(ProjectionName::id,
                    name -> ReadModels.of(name, database, SearchClients::fromEnvironment).versions()));
            return new Rebuilds(database, targets, runs);
        }
    }
}
