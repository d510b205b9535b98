package dev.catalog.projection.search;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.catalog.platform.config.Environment;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import dev.catalog.projection.batch.KafkaBatchResponse;
import dev.catalog.projection.batch.ProjectionBatch;
import dev.catalog.projection.deadletter.KafkaDeadLetters;
import dev.catalog.search.client.SearchClients;

/**
 * Lambda handler of the search projection: batches of outbox events from its own MSK event source mapping (its own
 * consumer group) into the OpenSearch indices. Reports partial batch failures ({@code ReportBatchItemFailures}).
 */
public final class SearchProjectionFunction implements RequestHandler<KafkaEvent, KafkaBatchResponse> {

    private final ProjectionBatch batch;

    public SearchProjectionFunction() {
        this(Holder.BATCH);
    }

    public SearchProjectionFunction(ProjectionBatch batch) {
        this.batch = batch;
    }

    @Override
    public KafkaBatchResponse handleRequest(KafkaEvent event, Context context) {
        return batch.handle(event);
    }

    /** Built once per execution environment. */
    private static final class Holder {
        private static final ProjectionBatch BATCH = new ProjectionBatch(
                new SearchReadModel(SearchClients.fromEnvironment(), ConnectionPool.create(DatabaseSettings.fromEnvironment(),
                        Environment.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("search-projection"))).live(),
                KafkaDeadLetters.fromEnvironment());
    }
}
