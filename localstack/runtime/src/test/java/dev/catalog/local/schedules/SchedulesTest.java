package dev.catalog.local.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.functions.LambdaInvoker;
import dev.catalog.local.template.ScheduleEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SchedulesTest {

    private final List<String> invocations = new CopyOnWriteArrayList<>();
    private final LambdaInvoker functions = (function, event) -> {
        invocations.add(function + " " + new String(event, StandardCharsets.UTF_8));
        return new InvocationResult.Success("request", "{}".getBytes(StandardCharsets.UTF_8), Duration.ofMillis(1), Optional.empty());
    };

    @Test
    void a_schedule_invokes_its_function_every_period_with_eventbridges_scheduled_event() throws Exception {
        ScheduleEvent everyFewMillis = new ScheduleEvent("Often", "Schedule", "rate(1 minute)", Duration.ofMillis(20), true, Optional.empty());

        try (Schedules schedules = Schedules.start(List.of(new Schedules.Schedule("RetentionFunction", everyFewMillis)),
                functions, Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> invocations.size() >= 2);
        }

        String first = invocations.getFirst();
        assertThat(first).startsWith("RetentionFunction ");
        JsonNode event = new ObjectMapper().readTree(first.substring("RetentionFunction ".length()));
        assertThat(event.path("detail-type").asText()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asText()).isEqualTo("aws.events");
        assertThat(event.path("resources").get(0).asText()).endsWith(":rule/RetentionFunction-Often");
        assertThat(event.path("detail").isObject()).isTrue();
    }

    @Test
    void run_now_runs_a_schedule_as_its_timer_does_and_sends_its_input_when_it_has_one() {
        ScheduleEvent hourly = new ScheduleEvent("Hourly", "Schedule", "rate(1 hour)", Duration.ofHours(1), true,
                Optional.of("{\"stage\": \"dev\"}"));

        try (Schedules schedules = Schedules.start(List.of(new Schedules.Schedule("RetentionFunction", hourly)),
                functions, Clock.systemUTC())) {
            Schedules.Run run = schedules.runNow("RetentionFunction.Hourly");

            assertThat(run.outcome()).isEqualTo("succeeded");
            assertThat(invocations).containsExactly("RetentionFunction {\"stage\": \"dev\"}");
            assertThat(schedules.lastRuns()).containsExactly(run);
            assertThatThrownBy(() -> schedules.runNow("RetentionFunction.Daily")).hasMessageContaining("RetentionFunction.Hourly");
        }
    }

    @Test
    void its_state_says_when_it_runs_next_and_how_its_last_run_went() {
        ScheduleEvent hourly = new ScheduleEvent("Hourly", "Schedule", "rate(1 hour)", Duration.ofHours(1), true, Optional.empty());
        Instant started = Instant.now();

        try (Schedules schedules = Schedules.start(List.of(new Schedules.Schedule("RetentionFunction", hourly)),
                functions, Clock.systemUTC())) {
            Schedules.State first = schedules.states().getFirst();
            assertThat(first.lastRun()).isEmpty();
            assertThat(first.nextRunAt()).isBetween(started.plus(Duration.ofHours(1)).minusSeconds(1),
                    Instant.now().plus(Duration.ofHours(1)).plusSeconds(1));

            Schedules.Run run = schedules.runNow("RetentionFunction.Hourly");

            Schedules.State after = schedules.states().getFirst();
            assertThat(after.schedule().id()).isEqualTo("RetentionFunction.Hourly");
            assertThat(after.lastRun()).contains(run);
            assertThat(after.nextRunAt()).as("a run on demand leaves the timer's next run where it was")
                    .isCloseTo(first.nextRunAt(), within(1, ChronoUnit.SECONDS));
        }
    }
}
