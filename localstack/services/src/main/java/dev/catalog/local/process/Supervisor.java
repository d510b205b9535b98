package dev.catalog.local.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one service process running, the way ECS restarts a stopped task and a managed service fails over: an exit
 * nobody asked for (a crash, an out-of-memory exit, a SIGKILL) is logged and followed by a new start after a pause
 * that doubles with each failure in a row, up to {@link Backoff#maximum()}, for as long as the supervisor is open.
 * It never gives up: a service that cannot start because another one is down (Debezium Server without Kafka) comes
 * back once that one is back. A start counts as a success once the service is ready (its own start method waits
 * for that), and resets the pause.
 *
 * <p>Whoever uses the service reaches it by its fixed address (port, URL), never through the instance, so a restart
 * changes nothing for them; {@link #status()} says what is up, what is down and since when.
 *
 * @param <S> the running service: a fresh instance per start
 */
public final class Supervisor<S extends Supervisor.Supervised> implements AutoCloseable {

    /** A started service as its supervisor needs it. */
    public interface Supervised extends AutoCloseable {

        /** Completes when the service's process has ended, whatever ended it. */
        CompletableFuture<?> onExit();

        /** The process's id, for a person (or a fault test) who wants to look at it or kill it. */
        long pid();

        /** Stops the service gracefully; called on a service that has already exited, it forgets it. */
        @Override
        void close();
    }

    /** What the supervisor is doing with the service. */
    public enum State { RUNNING, RESTARTING, STOPPED }

    /**
     * @param since    when the service entered this state: for a service down, since when it is down
     * @param restarts successful starts after the first
     * @param lastExit why the service went down last, empty if it never did
     * @param pid      of the running process
     */
    public record Status(String name, State state, Instant since, int restarts, Optional<String> lastExit,
                         Optional<Long> pid) {
    }

    /** The pause before a new start: {@code initial} after the first failure, doubled after each next one. */
    public record Backoff(Duration initial, Duration maximum) {

        public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

        public Backoff {
            if (initial.isNegative() || initial.isZero() || maximum.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < initial <= maximum, not " + initial + ", " + maximum);
            }
        }

        Duration after(int failuresInARow) {
            Duration pause = initial;
            for (int i = 1; i < failuresInARow && pause.compareTo(maximum) < 0; i++) {
                pause = pause.multipliedBy(2);
            }
            return pause.compareTo(maximum) > 0 ? maximum : pause;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final String name;
    private final Supplier<S> starter;
    private final Backoff backoff;
    private final Clock clock;
    // Restarts wait and run here, and exit notifications too, never on the JDK's process reaper thread.
    private final ScheduledExecutorService thread;
    private final Object lock = new Object();

    // Written under lock; read without it so that status() never waits for a start in progress.
    private volatile S current;
    private volatile State state = State.STOPPED;
    private volatile Instant since;
    private volatile int restarts;
    private volatile String lastExit;
    private int failuresInARow;

    private Supervisor(String name, Supplier<S> starter, Backoff backoff, Clock clock) {
        this.name = Objects.requireNonNull(name, "name");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = clock;
        this.since = clock.instant();
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name.toLowerCase().replace(' ', '-') + "-supervisor").daemon().factory());
    }

    /**
     * Starts the service and waits until it is ready; from then on it is supervised. A first start that fails is
     * not retried: it fails here, with the service's own explanation.
     */
    public static <S extends Supervised> Supervisor<S> start(String name, Supplier<S> starter, Backoff backoff) {
        Supervisor<S> supervisor = new Supervisor<>(name, starter, backoff, Clock.systemUTC());
        try {
            synchronized (supervisor.lock) {
                supervisor.launch();
            }
            return supervisor;
        } catch (RuntimeException e) {
            supervisor.thread.shutdownNow();
            throw e;
        }
    }

    public static <S extends Supervised> Supervisor<S> start(String name, Supplier<S> starter) {
        return start(name, starter, Backoff.DEFAULT);
    }

    public String name() {
        return name;
    }

    /** The running instance, if the service is up now. */
    public Optional<S> current() {
        return state == State.RUNNING ? Optional.ofNullable(current) : Optional.empty();
    }

    public Status status() {
        S running = current;
        State now = state;
        return new Status(name, now, since, restarts, Optional.ofNullable(lastExit),
                now == State.RUNNING && running != null ? Optional.of(running.pid()) : Optional.empty());
    }

    /**
     * SIGKILLs the running process, as a crash would: no shutdown, no flush. The supervisor starts it again, as it
     * would after any crash. For fault tests; does nothing while the service is down.
     */
    public void kill() {
        current().flatMap(running -> ProcessHandle.of(running.pid())).ifPresent(process -> {
            log.warn("killing {} (pid {}) with SIGKILL", name, process.pid());
            process.destroyForcibly();
        });
    }

    /** Stops the service gracefully and supervises no more. */
    @Override
    public void close() {
        synchronized (lock) {
            enter(State.STOPPED);
            thread.shutdownNow();
            if (current != null) {
                current.close();
            }
        }
    }

    /** Starts an instance and watches it. Caller holds the lock. */
    private void launch() {
        S started = starter.get();
        current = started;
        failuresInARow = 0;
        enter(State.RUNNING);
        started.onExit().whenCompleteAsync((process, failure) -> exited(started), thread);
    }

    private void exited(S exited) {
        synchronized (lock) {
            if (state != State.RUNNING || exited != current) {
                return;  // stopped on purpose, or an instance already replaced
            }
            exited.close();  // forgets it: pid file, shutdown registry
            if (JvmExit.begun()) {
                stopForGood("stopped while the JVM exits (pid " + exited.pid() + ")");
                return;
            }
            failed("exited unexpectedly (pid " + exited.pid() + ")");
        }
    }

    /** Schedules the next start. Caller holds the lock. */
    private void failed(String what) {
        failuresInARow++;
        lastExit = clock.instant() + ": " + what;
        if (state != State.RESTARTING) {
            enter(State.RESTARTING);
        }
        Duration pause = backoff.after(failuresInARow);
        log.warn("{} {}; starting it again in {} ms (attempt {})", name, what, pause.toMillis(), failuresInARow);
        thread.schedule(this::restart, pause.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart() {
        synchronized (lock) {
            if (state != State.RESTARTING) {
                return;  // closed meanwhile
            }
            if (JvmExit.begun()) {
                stopForGood("not started again: the JVM exits");
                return;
            }
            Instant downSince = since;
            try {
                launch();
                restarts++;
                log.warn("{} is back (restart {}, pid {}) after {} s down", name, restarts, current.pid(),
                        Duration.between(downSince, clock.instant()).toSeconds());
            } catch (RuntimeException e) {
                state = State.RESTARTING;
                since = downSince;
                failed("did not come back: " + firstLine(e.getMessage()));
            }
        }
    }

    /**
     * The JVM is exiting and hooks of its own may have stopped the service: starting it again would leave a process
     * nobody stops. Caller holds the lock.
     */
    private void stopForGood(String what) {
        log.info("{} {}; not supervised any more", name, what);
        enter(State.STOPPED);
        thread.shutdownNow();
    }

    private void enter(State next) {
        state = next;
        since = clock.instant();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
