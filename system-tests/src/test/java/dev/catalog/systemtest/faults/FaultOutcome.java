package dev.catalog.systemtest.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one fault did, as the fault suite reports it.
 *
 * @param lost       what a 2xx answer promised and is missing: from the write model, from a read model, or an
 *                   outbox event from Kafka
 * @param wrong      what is there but not as promised: a read model at another version than the write model, a
 *                   deleted product back, a refused command that changed something
 * @param differences read-model content that still differs from the write model when the wait ended
 * @param deliveries per outbox event id of the tenant, how often it is on Kafka
 */
record FaultOutcome(String fault, CommandStream stream, List<String> lost, List<String> wrong, List<String> differences,
                    Map<String, Integer> deliveries, Duration converged) {

    int unavailable() {
        return stream.unavailable();
    }

    /** Deliveries beyond the first of each event: at least once allows them. */
    long duplicates() {
        return deliveries.values().stream().filter(count -> count > 1).mapToLong(count -> count - 1).sum();
    }

    /** Everything that went wrong; empty when nothing was lost and nothing is wrong. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        lost.forEach(item -> problems.add("lost: " + item));
        wrong.forEach(item -> problems.add("wrong: " + item));
        differences.forEach(item -> problems.add("differs: " + item));
        stream.unexpected().forEach(answer -> problems.add("unexpected answer: " + answer));
        return problems;
    }

    String table() {
        return String.format("""
                fault: %s
                  | commands sent | answered 2xx | answered 503 | function timed out (500) | no answer | other answers | lost | wrong | duplicates on Kafka | converged after |
                  | %13d | %12d | %12d | %24d | %9d | %13d | %4d | %5d | %19d | %13.1f s |
                  (%d outbox events of the tenant, each counted on Kafka by event id)""",
                fault, stream.sent(), stream.succeeded(), stream.unavailable(), stream.timedOut(), stream.unanswered(),
                stream.unexpected().size(), lost.size(),
                wrong.size(), duplicates(), converged.toMillis() / 1000.0, deliveries.size());
    }
}
