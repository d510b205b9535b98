package dev.catalog.systemtest.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.catalog.local.process.StackLayout;
import dev.catalog.local.stack.LocalStack;
import dev.catalog.local.stack.StackPorts;
import dev.catalog.local.stack.StackStatus;
import dev.catalog.systemtest.support.StackClient;
import dev.catalog.systemtest.support.RuntimeProcess;
import dev.catalog.systemtest.support.Tenants;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The process that hosts the functions, the HTTP API and the event source mappings killed with SIGKILL while commands
 * stream in, and started again on the same directory and ports, as a user would run {@code ./catalog up} after a
 * crash. The services it had started outlive it; the new runtime finds them by their pid files, stops them, starts
 * its own, and the event source mappings resume from their committed offsets; commands go on on the same tenant once
 * it serves. Then the fault suite's checks hold:
 * every command answered 2xx is in both read models at its version, every outbox event is on Kafka. Commands sent
 * while no runtime runs get no answer at all; their outcome is unknown to their client, so they are held only to the
 * read models agreeing with the write model.
 *
 * <p>Its own stack, in a process of its own (the suite's shared stack lives in the test JVM, which a SIGKILL would
 * end): two starts of the whole stack, so it costs a few minutes.
 */
class RuntimeKillIT {

    private static final int WRITERS = 6;
    private static final double RATE_PER_WRITER = 5;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration STREAM = Duration.ofSeconds(20);
    private static final Duration FAULT_AFTER = Duration.ofSeconds(10);
    /** Commands again once the new runtime serves, on the same tenant: the pipeline goes on from where it was. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(10);
    /** Bounds, not expectations: a whole stack starting on two loaded cores. */
    private static final Duration START_BOUND = Duration.ofMinutes(8);
    private static final Duration CONVERGENCE_BOUND = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void nothing_is_lost_when_the_runtime_is_killed_and_started_again() throws Exception {
        Path projectDir = Path.of(System.getProperty("catalog.project.dir", "..")).toAbsolutePath().normalize();
        Path distDir = Path.of(System.getProperty("catalog.dist.dir", projectDir.resolve(".local/dist").toString()));
        StackLayout layout = new StackLayout(projectDir.resolve("system-tests/target/runtime-kill-stack"), distDir);
        StackPorts ports = StackPorts.free();
        AtomicReference<RuntimeProcess> runtime = new AtomicReference<>(RuntimeProcess.start(projectDir, layout, ports, true));
        try {
            runtime.get().awaitReady(layout, START_BOUND);
            StackClient stack = StackClient.attachedTo(ports, layout);
            Map<String, Long> servicesBefore = servicePids(ports);

            new CommandStream(stack, Tenants.fresh("warm-up")).run(WRITERS, RATE_PER_WRITER, WARM_UP, () -> { }, Duration.ZERO);
            String tenant = Tenants.fresh("runtime-kill");
            CommandStream stream = new CommandStream(stack, tenant, true);
            stream.run(WRITERS, RATE_PER_WRITER, STREAM, () -> {
                try {
                    runtime.get().kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted", e);
                }
                runtime.set(RuntimeProcess.start(projectDir, layout, ports, false));
            }, FAULT_AFTER);
            runtime.get().awaitReady(layout, START_BOUND);
            int answeredBeforeRestart = stream.succeeded();
            stream.run(WRITERS, RATE_PER_WRITER, AFTER_RESTART, () -> { }, Duration.ZERO);
            long streamEnded = System.nanoTime();

            // The new runtime stopped what the killed one left running, and runs services of its own.
            Map<String, Long> servicesAfter = servicePids(ports);
            assertThat(servicesAfter.keySet()).containsExactlyElementsOf(servicesBefore.keySet());
            servicesBefore.forEach((service, pid) -> {
                assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as(service + " left by the killed runtime (pid " + pid + ")")
                        .isEmpty();
                assertThat(servicesAfter.get(service)).as(service).isNotEqualTo(pid);
            });

            FaultCheck check = new FaultCheck(stack);
            Duration converged = check.awaitConvergence(tenant, CONVERGENCE_BOUND, streamEnded);
            FaultOutcome outcome = check.outcome(stream, "the runtime killed (SIGKILL) and started again; its services "
                    + servicesBefore + " stopped and started anew " + servicesAfter, Map.of(), converged);
            System.out.println(outcome.table());

            assertThat(outcome.problems()).isEmpty();
            assertThat(stream.unanswered()).as("commands sent while no runtime ran").isPositive();
            assertThat(stream.succeeded()).as("commands answered 2xx by the new runtime").isGreaterThan(answeredBeforeRestart);
        } finally {
            runtime.get().close();
        }
    }

    /** The pid of each service process, as the runtime's status reports them. */
    private static Map<String, Long> servicePids(StackPorts ports) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(LocalStack.statusUrl(ports))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        StackStatus status = JSON.readValue(response.body(), StackStatus.class);
        Map<String, Long> pids = new LinkedHashMap<>();
        for (StackStatus.Service service : status.services()) {
            if (service.details().get("pid") instanceof Number pid) {
                pids.put(service.name(), pid.longValue());
            }
        }
        assertThat(pids).as("service pids in " + response.body()).containsKeys("PostgreSQL", "Kafka", "Debezium Server", "OpenSearch");
        return pids;
    }
}
