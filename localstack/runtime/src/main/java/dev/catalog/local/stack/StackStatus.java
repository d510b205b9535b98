package dev.catalog.local.stack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code ./catalog status} shows: every service with its endpoint and state, and every projection version
 * with how far it has got. Serialized as the JSON of {@code ./catalog status --json}.
 *
 * @param deadLetters the records on the dead-letter topic ({@code ./catalog dead-letters} lists them); null when
 *                    Kafka did not answer
 */
public record StackStatus(Instant at, List<Service> services, List<Projection> projections, List<EventSource> eventSources,
                          List<Function> functions, List<Schedule> schedules, Long deadLetters) {

    /**
     * @param state   up, down, or the service's own word for it (RUNNING, green...); {@code no answer} when it did not
     *                answer within the probe's time
     * @param details what else is worth knowing (slot lag, topics...); for a supervised process its supervisor's
     *                view: {@code process} (RUNNING, RESTARTING), {@code since}, {@code restarts}, {@code lastExit}
     */
    public record Service(String name, String endpoint, String state, Map<String, Object> details) {
    }

    /**
     * @param lastSequenceApplied the highest outbox sequence the live path applied to this version
     * @param eventsBehind        records on Kafka its event source mapping has not processed yet (LIVE versions)
     * @param heartbeatAgeSeconds how long ago the newest heartbeat it applied was emitted: the end-to-end lag, up to
     *                            the heartbeat interval (5 s); null before the first
     */
    public record Projection(String projection, int version, String status, String target, long lastSequenceApplied,
                             long eventsApplied, Instant lastAppliedAt, Long eventsBehind, Double heartbeatAgeSeconds) {
    }

    /** @param lag records not processed yet; null when Kafka did not answer */
    public record EventSource(String function, String consumerGroup, String state, Instant lastBatchAt, String lastOutcome,
                              long retries, long recordsSentToDestination, Long lag) {
    }

    /**
     * One hosted function, as CloudWatch's {@code AWS/Lambda} metrics count it since the stack started.
     *
     * @param billedMillis the sum of each invocation's duration rounded up to the millisecond, as Lambda bills it
     */
    public record Function(String name, long invocations, long errors, long billedMillis) {
    }

    /**
     * One of template.yaml's schedules (the retention task), run by a timer as EventBridge runs it in AWS.
     *
     * @param lastRunAt      when it last ran; null before its first run (one period after the stack started)
     * @param lastRunOutcome {@code succeeded}, or the error its function answered
     */
    public record Schedule(String schedule, String expression, Instant nextRunAt, Instant lastRunAt, Long lastRunMillis,
                           String lastRunOutcome) {
    }
}
