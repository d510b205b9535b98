package dev.catalog.local.cli;

import dev.catalog.local.deadletters.DeadLetter;
import dev.catalog.local.deadletters.DeadLetterReplay;
import dev.catalog.local.deadletters.DeadLetterTopic;
import java.net.URI;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./catalog dead-letters}: what the projections could not use, with why; {@code ./catalog dead-letters replay}
 * sends chosen ones back through the projection that refused them.
 */
@Command(name = "dead-letters", description = "List the records the projections dead-lettered: when, projection, tenant, aggregate, event, reason.",
        subcommands = DeadLettersCommand.Replay.class)
final class DeadLettersCommand extends AgainstRunningStack {

    @Override
    protected int run(RunningStack stack) {
        List<DeadLetter> letters = new DeadLetterTopic(stack.kafkaBootstrapServers()).read();
        if (letters.isEmpty()) {
            System.out.println("No dead letters.");
            return 0;
        }
        System.out.printf("%-7s %-24s %-7s %-16s %-48s %-22s %s%n", "OFFSET", "WHEN", "PROJ", "TENANT", "AGGREGATE",
                "EVENT", "REASON");
        for (DeadLetter letter : letters) {
            System.out.printf("%-7d %-24s %-7s %-16s %-48s %-22s %s%n", letter.offset(),
                    letter.at().map(Object::toString).orElse("?"), letter.projection(), letter.tenant(),
                    letter.aggregate(), letter.eventType(), letter.reason());
        }
        System.out.printf("%n%d dead letters; ./catalog dead-letters replay <offset>... sends them back through their projection%n",
                letters.size());
        return 0;
    }

    @Command(name = "replay", description = "Send dead letters back through the projection that refused them (after a fix).")
    static final class Replay extends AgainstRunningStack {

        @Parameters(paramLabel = "OFFSET", arity = "0..*", description = "Offsets on the dead-letter topic, as listed.")
        private List<Long> offsets = List.of();

        @Option(names = "--all", description = "Every dead letter.")
        private boolean all;

        @Override
        protected int run(RunningStack stack) {
            if (offsets.isEmpty() && !all) {
                System.err.println("Name the offsets to replay (./catalog dead-letters lists them), or --all.");
                return 2;
            }
            Set<Long> chosen = Set.copyOf(offsets);
            List<DeadLetter> letters = new DeadLetterTopic(stack.kafkaBootstrapServers()).read().stream()
                    .filter(letter -> all || chosen.contains(letter.offset())).toList();
            if (letters.size() < chosen.size()) {
                System.err.println("Not every offset names a dead letter; ./catalog dead-letters lists them.");
                return 2;
            }
            try (DeadLetterReplay replay = new DeadLetterReplay(URI.create("http://127.0.0.1:" + stack.ports().aws()),
                    stack.kafkaBootstrapServers())) {
                boolean failed = false;
                for (DeadLetterReplay.Outcome outcome : replay.replay(letters)) {
                    failed |= outcome.failed();
                    System.out.printf("%s: %d letters through %s: %s%n", outcome.projection(), outcome.letters(),
                            outcome.function(), outcome.failed() ? "failed: " + outcome.answer() : "done " + outcome.answer());
                }
                System.out.println("A letter the projection still cannot use is on the dead-letter topic again, with the reason.");
                return failed ? 1 : 0;
            }
        }
    }
}
