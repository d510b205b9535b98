package dev.catalog.local.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * {@code ./catalog rebuild --projection search|detail|all [--from-sequence N]}: starts the rebuild state machine on the
 * local Step Functions (through its AWS API, as the console, CLI or SDK would in AWS) and shows its progress until it
 * ends.
 */
@Command(name = "rebuild", description = "Rebuild read models from the event log through the rebuild state machine; shows progress until it ends.")
final class RebuildCommand implements Callable<Integer> {

    @Option(names = "--projection", required = true, description = "detail, search or all.")
    private String projection;

    @Option(names = "--from-sequence", defaultValue = "0", description = "Replay the events after this sequence (default: the whole log).")
    private long fromSequence;

    @Override
    public Integer call() throws Exception {
        Optional<RunningStack> running = RunningStack.find();
        if (running.isEmpty()) {
            return 1;
        }
        try (SfnClient sfn = LocalAws.stepFunctions(running.get())) {
            StateMachineListItem machine = sfn.listStateMachines().stateMachines().stream()
                    .filter(candidate -> candidate.name().startsWith("catalog-rebuild")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no rebuild state machine on the local endpoint"));
            String execution = sfn.startExecution(start -> start.stateMachineArn(machine.stateMachineArn())
                    .input("{\"projection\": \"" + projection + "\", \"fromSequence\": " + fromSequence + "}")).executionArn();
            System.out.println("Started " + execution);
            return follow(sfn, running.get(), execution);
        }
    }

    private int follow(SfnClient sfn, RunningStack stack, String execution) throws Exception {
        Instant started = Instant.now();
        long previousEvents = -1;
        Instant previousAt = started;
        double rate = 0;
        while (true) {
            DescribeExecutionResponse described = sfn.describeExecution(describe -> describe.executionArn(execution));
            List<ProjectionVersions.Row> building = ProjectionVersions.read(stack).stream()
                    .filter(row -> "BUILDING".equals(row.status())).toList();
            long events = building.stream().mapToLong(ProjectionVersions.Row::eventsReplayed).sum();
            long remaining = building.stream().filter(row -> row.highWaterMark() != null && row.replayedTo() != null)
                    .mapToLong(row -> Math.max(0, row.highWaterMark() - row.replayedTo())).max().orElse(0);
            Instant now = Instant.now();
            if (previousEvents >= 0 && now.isAfter(previousAt)) {
                double instant = (events - previousEvents) / (Duration.between(previousAt, now).toMillis() / 1000.0);
                rate = rate == 0 ? instant : 0.7 * rate + 0.3 * instant;
            }
            previousEvents = events;
            previousAt = now;
            if (described.status() != ExecutionStatus.RUNNING) {
                System.out.println();
                System.out.printf("Rebuild %s after %d s%n", described.status(), Duration.between(started, now).toSeconds());
                System.out.println(described.status() == ExecutionStatus.SUCCEEDED ? described.output()
                        : described.error() + ": " + described.cause());
                return described.status() == ExecutionStatus.SUCCEEDED ? 0 : 2;
            }
            System.out.printf("\r  %-44s events replayed %,10d   rate %,8.0f/s   ETA %s        ",
                    building.stream().map(row -> row.projection() + " v" + row.version()).toList(), events, rate,
                    rate > 0 && remaining > 0 ? Duration.ofSeconds((long) (remaining / rate)).toString().substring(2).toLowerCase() : "-");
            System.out.flush();
            Thread.sleep(1000);
        }
    }
}
