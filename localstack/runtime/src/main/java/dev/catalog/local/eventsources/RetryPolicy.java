package dev.catalog.local.eventsources;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What Lambda does when the function fails a batch (kafka-retry-configurations.html).
 *
 * @param maximumRetryAttempts retries after the first invocation; {@link #UNLIMITED} retries until it succeeds
 * @param maximumRecordAge     records older than this are not sent to the function any more
 * @param bisectOnFunctionError a failed batch is split in two, each half retried on its own; splitting does not count
 *                              as a retry (as for Kinesis, with-kinesis.html "Error handling")
 */
public record RetryPolicy(int maximumRetryAttempts, Optional<Duration> maximumRecordAge, boolean bisectOnFunctionError) {

    public static final int UNLIMITED = -1;
    /** "When you configure both infinite retries and an on-failure destination, Lambda automatically applies a
     * maximum of 10 retry attempts." (kafka-on-failure-destination.html) */
    static final int RETRIES_WITH_DESTINATION = 10;

    /** Whether a batch that already had {@code retries} retries may be tried once more. */
    public boolean allowsRetry(int retries) {
        return maximumRetryAttempts == UNLIMITED || retries < maximumRetryAttempts;
    }

    /** Whether a record written at {@code timestamp} is too old to be sent at {@code now}. */
    public boolean expired(Instant timestamp, Instant now) {
        return maximumRecordAge.map(age -> timestamp.plus(age).isBefore(now)).orElse(false);
    }
}
