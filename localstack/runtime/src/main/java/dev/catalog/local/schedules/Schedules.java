package dev.catalog.local.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.functions.FunctionHostSettings;
import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.functions.LambdaInvoker;
import dev.catalog.local.template.SamTemplate;
import dev.catalog.local.template.ScheduleEvent;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's enabled schedules as timers. Like EventBridge, a schedule of {@code rate(1 hour)} first fires one
 * period after it was created (here: after the runtime started), then every period; its function gets the
 * EventBridge rule's scheduled event, or the schedule's {@code Input}. Runs of one schedule never overlap (a late run
 * delays the next), and a failed run is logged and left to the next one, as the retention task expects.
 */
public final class Schedules implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One schedule of one function, and how its last run went. */
    public record Schedule(String function, ScheduleEvent event) {

        /** {@code <function>.<event name>}, as logs and {@link #runNow} name it. */
        public String id() {
            return function + "." + event.name();
        }
    }

    /** @param outcome {@code succeeded}, or the function error's type and message */
    public record Run(String schedule, Instant at, Duration took, String outcome) {
    }

    /**
     * A schedule as an operator checks on it (EventBridge's console shows the same): when it runs next, and how its
     * last run went, if it has run.
     *
     * @param nextRunAt the timer's next firing; now while a run is under way (the next is counted from its end)
     */
    public record State(Schedule schedule, Instant nextRunAt, Optional<Run> lastRun) {
    }

    private final List<Schedule> schedules;
    private final LambdaInvoker functions;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Map<String, Run> lastRuns = new LinkedHashMap<>();
    private final Map<String, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

    private Schedules(List<Schedule> schedules, LambdaInvoker functions, Clock clock) {
        this.schedules = List.copyOf(schedules);
        this.functions = functions;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("schedules").daemon().factory());
    }

    /** The enabled schedules of {@code template}. */
    public static List<Schedule> of(SamTemplate template) {
        List<Schedule> schedules = new ArrayList<>();
        template.functions().values().forEach(function -> function.events(ScheduleEvent.class).stream()
                .filter(ScheduleEvent::enabled)
                .forEach(event -> schedules.add(new Schedule(function.logicalId(), event))));
        return schedules;
    }

    /** Starts a timer per schedule. */
    public static Schedules start(List<Schedule> schedules, LambdaInvoker functions, Clock clock) {
        Schedules started = new Schedules(schedules, functions, clock);
        for (Schedule schedule : started.schedules) {
            long period = schedule.event().rate().toMillis();
            // Fixed delay, not fixed rate: a run that took long is not followed at once by the ones it held back.
            started.timers.put(schedule.id(),
                    started.timer.scheduleWithFixedDelay(() -> started.fire(schedule), period, period, TimeUnit.MILLISECONDS));
            log.info("schedule {}: {} every {}", schedule.id(), schedule.event().expression(), schedule.event().rate());
        }
        return started;
    }

    public List<Schedule> schedules() {
        return schedules;
    }

    /** Each schedule, when it runs next and how it last ran. */
    public synchronized List<State> states() {
        Instant now = clock.instant();
        return schedules.stream().map(schedule -> new State(schedule,
                now.plusMillis(Math.max(0, timers.get(schedule.id()).getDelay(TimeUnit.MILLISECONDS))),
                Optional.ofNullable(lastRuns.get(schedule.id())))).toList();
    }

    /** The last run of each schedule that has run. */
    public synchronized List<Run> lastRuns() {
        return List.copyOf(lastRuns.values());
    }

    /**
     * Runs {@code scheduleId} now, on the schedule's own thread (so never beside a timed run of it), exactly as its
     * timer does; answers when the run is over.
     */
    public Run runNow(String scheduleId) {
        Schedule schedule = schedules.stream().filter(candidate -> candidate.id().equals(scheduleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no enabled schedule " + scheduleId + "; there are "
                        + schedules.stream().map(Schedule::id).toList()));
        try {
            return timer.submit(() -> fire(schedule)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + scheduleId + " ran", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(scheduleId + " could not run", e.getCause());
        }
    }

    private Run fire(Schedule schedule) {
        Instant at = clock.instant();
        InvocationResult result;
        try {
            result = functions.invoke(schedule.function(), payload(schedule, at));
        } catch (RuntimeException e) {
            // The timer would stop for good on an exception; the schedule must keep going.
            log.warn("schedule {}: invoking {} failed", schedule.id(), schedule.function(), e);
            return record(new Run(schedule.id(), at, Duration.between(at, clock.instant()), e.toString()));
        }
        Run run = new Run(schedule.id(), at, result.duration(), switch (result) {
            case InvocationResult.Success success -> "succeeded";
            case InvocationResult.FunctionError error -> error.errorType() + ": " + error.errorMessage();
        });
        if (result instanceof InvocationResult.Success success) {
            log.info("schedule {}: {} in {} ms: {}", schedule.id(), schedule.function(), run.took().toMillis(), success.payloadText());
        } else {
            log.warn("schedule {}: {} failed in {} ms: {}", schedule.id(), schedule.function(), run.took().toMillis(), run.outcome());
        }
        return record(run);
    }

    private synchronized Run record(Run run) {
        lastRuns.put(run.schedule(), run);
        return run;
    }

    /** The schedule's {@code Input}, or the event an EventBridge rule sends on its schedule. */
    static byte[] payload(Schedule schedule, Instant at) {
        Optional<String> input = schedule.event().input();
        if (input.isPresent()) {
            return input.get().getBytes(StandardCharsets.UTF_8);
        }
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", UUID.randomUUID().toString());
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", FunctionHostSettings.LOCAL_ACCOUNT_ID);
        event.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", FunctionHostSettings.LOCAL_REGION);
        event.put("resources", List.of("arn:aws:events:" + FunctionHostSettings.LOCAL_REGION + ":"
                + FunctionHostSettings.LOCAL_ACCOUNT_ID + ":rule/" + schedule.function() + "-" + schedule.event().name()));
        event.put("detail", Map.of());
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
