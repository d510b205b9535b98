package dev.catalog.command.retention;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.catalog.platform.config.Environment;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention task, on template.yaml's schedule (an EventBridge rule in AWS, a timer in the local runtime): deletes
 * old heartbeat rows and expired idempotency keys ({@link Retention}). Of the scheduled event it only logs which
 * one it is: what has expired is decided by the clock.
 */
public final class RetentionFunction implements RequestHandler<RetentionFunction.ScheduledEvent, Retention.Outcome> {

    private static final Logger log = LoggerFactory.getLogger(RetentionFunction.class);

    /** What of EventBridge's scheduled event (events/RetentionFunction.json) it reads; the rest is ignored. */
    public record ScheduledEvent(String id, String time) {
    }

    /** No batch starts with less time left than this: one batch takes milliseconds, the margin is for a slow one. */
    static final Duration TIME_MARGIN = Duration.ofSeconds(10);

    private final Retention retention;

    public RetentionFunction() {
        this(Holder.INSTANCE);
    }

    public RetentionFunction(Retention retention) {
        this.retention = retention;
    }

    @Override
    public Retention.Outcome handleRequest(ScheduledEvent event, Context context) {
        log.info("retention run for scheduled event {} of {}", event == null ? null : event.id(), event == null ? null : event.time());
        return retention.run(() -> context != null && context.getRemainingTimeInMillis() < TIME_MARGIN.toMillis());
    }

    /** Built once per execution environment. */
    private static final class Holder {
        private static final Retention INSTANCE = new Retention(
                ConnectionPool.create(DatabaseSettings.fromEnvironment(),
                        Environment.optional("AWS_LAMBDA_FUNCTION_NAME").orElse("retention")),
                Clock.systemUTC());
    }
}
