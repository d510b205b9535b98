package dev.catalog.local.eventsources;

import dev.catalog.local.functions.FunctionHostSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How the local runtime runs event source mappings.
 *
 * @param bootstrapServers the local cluster, which every MSK event's {@code Stream} stands for
 * @param region           with {@code accountId}, forms the function ARNs of failure records
 * @param retryBackoff     waits between retries of a failed batch; AWS does not document Lambda's
 * @param payloadLimit     the largest event in bytes: Lambda's 6 MB synchronous invocation payload
 * @param stopTimeout      how long {@link EventSourceMappings#close()} lets a running invocation finish before it
 *                         is abandoned (then nothing of its batch is committed)
 * @param commitInterval   how often at most a mapping commits the offsets of what is done (and always when it stops
 *                         or gives partitions up); AWS does not document how often Lambda's pollers commit
 */
public record EventSourceSettings(String bootstrapServers, String region, String accountId, RetryBackoff retryBackoff,
                                  int payloadLimit, Duration stopTimeout, Duration commitInterval) {

    public static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;

    public EventSourceSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(commitInterval, "commitInterval");
    }

    /**
     * The local region and account, a backoff from 0.5 s doubling up to 5 s, Lambda's payload limit, commits at most
     * once a second.
     */
    public static EventSourceSettings local(String bootstrapServers) {
        return new EventSourceSettings(bootstrapServers, FunctionHostSettings.LOCAL_REGION,
                FunctionHostSettings.LOCAL_ACCOUNT_ID, new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(5)),
                LAMBDA_PAYLOAD_LIMIT, Duration.ofSeconds(30), Duration.ofSeconds(1));
    }

    public EventSourceSettings withRetryBackoff(RetryBackoff retryBackoff) {
        return new EventSourceSettings(bootstrapServers, region, accountId, retryBackoff, payloadLimit, stopTimeout, commitInterval);
    }

    public EventSourceSettings withPayloadLimit(int payloadLimit) {
        return new EventSourceSettings(bootstrapServers, region, accountId, retryBackoff, payloadLimit, stopTimeout, commitInterval);
    }

    public EventSourceSettings withStopTimeout(Duration stopTimeout) {
        return new EventSourceSettings(bootstrapServers, region, accountId, retryBackoff, payloadLimit, stopTimeout, commitInterval);
    }

    public EventSourceSettings withCommitInterval(Duration commitInterval) {
        return new EventSourceSettings(bootstrapServers, region, accountId, retryBackoff, payloadLimit, stopTimeout, commitInterval);
    }

    String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    /** Exponential: {@code initial} before the first retry, doubled before each next one, never above {@code maximum}. */
    public record RetryBackoff(Duration initial, Duration maximum) {

        public RetryBackoff {
            if (initial.isNegative() || maximum.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 <= initial <= maximum, not " + initial + ", " + maximum);
            }
        }

        /** The wait before retry number {@code retry} (1 for the first). */
        public Duration before(int retry) {
            Duration delay = initial;
            for (int i = 1; i < retry && delay.compareTo(maximum) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maximum) > 0 ? maximum : delay;
        }
    }
}
