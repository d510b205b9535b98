package dev.catalog.local.stepfunctions.execution;

import java.time.Duration;

/** How the engine waits (Wait states, retry intervals, timeouts): real sleeping, unless a test decides otherwise. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> {
        if (duration.isPositive()) {
            Thread.sleep(duration);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
