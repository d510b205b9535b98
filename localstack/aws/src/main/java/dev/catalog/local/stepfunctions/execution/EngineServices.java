package dev.catalog.local.stepfunctions.execution;

import dev.catalog.local.lambda.LambdaInvoker;
import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What executions need from their surroundings.
 *
 * @param region  reported in task events and Lambda metadata
 * @param random  draws retry jitter
 */
public record EngineServices(LambdaInvoker lambda, Clock clock, Sleeper sleeper, RandomGenerator random, String region) {

    public EngineServices {
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(region, "region");
    }
}
