package dev.catalog.local.stepfunctions.asl;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** One entry of a state's {@code Retry}. */
public record Retrier(
        List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
        Optional<Integer> maxDelaySeconds, JitterStrategy jitterStrategy) {

    public static final int DEFAULT_INTERVAL_SECONDS = 1;
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    public static final double DEFAULT_BACKOFF_RATE = 2.0;

    public Retrier {
        errorEquals = List.copyOf(errorEquals);
    }

    public boolean matches(String error) {
        return ErrorMatching.matches(errorEquals, error);
    }

    /**
     * The pause before retry number {@code retriesSoFar + 1}: {@code IntervalSeconds × BackoffRate^retriesSoFar}, capped
     * by {@code MaxDelaySeconds}, then with {@code FULL} jitter drawn uniformly between 0 and that.
     */
    public Duration delayBeforeRetry(int retriesSoFar, RandomGenerator random) {
        double seconds = intervalSeconds * Math.pow(backoffRate, retriesSoFar);
        if (maxDelaySeconds.isPresent()) {
            seconds = Math.min(seconds, maxDelaySeconds.get());
        }
        if (jitterStrategy == JitterStrategy.FULL) {
            seconds = random.nextDouble() * seconds;
        }
        return Duration.ofNanos((long) (seconds * 1_000_000_000L));
    }
}
