package dev.catalog.projection.detail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.catalog.platform.config.Environment;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import dev.catalog.projection.batch.KafkaBatchResponse;
import dev.catalog.projection.batch.ProjectionBatch;
import dev.catalog.projection.deadletter.KafkaDeadLetters;

/**
 * Lambda handler of the detail projection: batches of outbox events from the MSK event source mapping into the
 * PostgreSQL read schema. Reports partial batch failures ({@code ReportBatchItemFailures}).
 */
public final class DetailProjectionFunction implements RequestHandler<KafkaEvent, KafkaBatchResponse> {

    private final ProjectionBatch batch;

    public DetailProjectionFunction() {
        this(Holder.BATCH);
    }

    public DetailProjectionFunction(ProjectionBatch batch) {
        this.batch = batch;
    }

    @Override
    public KafkaBatchResponse handleRequest(KafkaEvent event, Context context) {
        return batch.handle(event);
    }

    /** Built once per execution environment. */
    private static final class Holder {
        private static final ProjectionBatch BATCH = new ProjectionBatch(
                new DetailReadModel(ConnectionPool.create(DatabaseSettings.fromEnvironment(),
                        Environment.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("detail-projection"))).live(),
                KafkaDeadLetters.fromEnvironment());
    }
}
