package dev.catalog.local.eventsources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final EventSourceSettings.RetryBackoff backoff =
            new EventSourceSettings.RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(5));

    @Test
    void doubles_the_wait_before_each_retry_up_to_the_maximum() {
        assertThat(backoff.before(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.before(2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.before(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.before(5)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.before(10_000)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void refuses_a_maximum_below_the_first_wait() {
        assertThatThrownBy(() -> new EventSourceSettings.RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
