package dev.catalog.local.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor on real processes ({@code sleep}), killed with SIGKILL as a crash would. */
class SupervisorTest {

    private static final Supervisor.Backoff QUICK = new Supervisor.Backoff(Duration.ofMillis(50), Duration.ofMillis(400));

    @Test
    void starts_a_killed_service_again_and_counts_the_restart() {
        try (Supervisor<Sleeper> supervisor = Supervisor.start("sleeper", Sleeper::start, QUICK)) {
            long first = supervisor.status().pid().orElseThrow();

            supervisor.kill();

            await().atMost(Duration.ofSeconds(20)).until(() -> supervisor.status().restarts() == 1);
            Supervisor.Status status = supervisor.status();
            assertThat(status.state()).isEqualTo(Supervisor.State.RUNNING);
            assertThat(status.pid()).isPresent().get().isNotEqualTo(first);
            assertThat(ProcessHandle.of(status.pid().get())).get().matches(ProcessHandle::isAlive);
            assertThat(status.lastExit()).get().asString().contains("exited unexpectedly (pid " + first + ")");
        }
    }

    @Test
    void keeps_trying_while_the_service_cannot_start_and_reports_it_down_since_the_crash() {
        AtomicInteger starts = new AtomicInteger();
        // After the crash, the next three starts fail (as Debezium Server does while Kafka is down).
        try (Supervisor<Sleeper> supervisor = Supervisor.start("flaky", () -> {
            int start = starts.incrementAndGet();
            if (start >= 2 && start <= 4) {
                throw new ServiceStartException("dependency down (start " + start + ")");
            }
            return Sleeper.start();
        }, QUICK)) {
            supervisor.kill();
            await().atMost(Duration.ofSeconds(20)).until(() -> starts.get() >= 3);
            Supervisor.Status down = supervisor.status();
            assertThat(down.state()).isEqualTo(Supervisor.State.RESTARTING);
            assertThat(down.pid()).isEmpty();
            assertThat(down.lastExit()).get().asString().contains("did not come back: dependency down");

            await().atMost(Duration.ofSeconds(20)).until(() -> supervisor.status().state() == Supervisor.State.RUNNING);
            assertThat(starts.get()).isEqualTo(5);
            assertThat(supervisor.status().restarts()).isEqualTo(1);
            assertThat(supervisor.status().since()).isAfter(down.since());
        }
    }

    @Test
    void a_stop_asked_for_is_not_a_crash() {
        Supervisor<Sleeper> supervisor = Supervisor.start("sleeper", Sleeper::start, QUICK);
        ProcessHandle process = ProcessHandle.of(supervisor.status().pid().orElseThrow()).orElseThrow();

        supervisor.close();

        assertThat(process.onExit()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(supervisor.status().state()).isEqualTo(Supervisor.State.STOPPED);
        assertThat(supervisor.status().restarts()).isZero();
    }

    @Test
    void a_service_its_own_shutdown_hook_stops_while_the_jvm_exits_is_not_started_again(@TempDir Path directory)
            throws Exception {
        Path pids = directory.resolve("pids");
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), SupervisedJvmExit.class.getName(), pids.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("jvm.log").toFile()).start();
        assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the supervising JVM exited").isTrue();

        List<ProcessHandle> leftBehind = Files.readAllLines(pids).stream().map(Long::parseLong)
                .flatMap(pid -> ProcessHandle.of(pid).stream()).filter(ProcessHandle::isAlive).toList();
        leftBehind.forEach(ProcessHandle::destroyForcibly);
        assertThat(leftBehind).as("services still running after their JVM exited; its log: %s",
                Files.readString(directory.resolve("jvm.log"))).isEmpty();
    }

    @Test
    void a_first_start_that_fails_fails_the_caller() {
        assertThatThrownBy(() -> Supervisor.start("broken", () -> {
            throw new ServiceStartException("no distribution");
        }, QUICK)).isInstanceOf(ServiceStartException.class).hasMessage("no distribution");
    }

    @Test
    void backs_off_doubling_up_to_its_maximum() {
        Supervisor.Backoff backoff = new Supervisor.Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.after(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.after(60)).isEqualTo(Duration.ofSeconds(30));
    }
}
