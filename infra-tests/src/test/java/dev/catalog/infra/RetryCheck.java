package dev.catalog.infra;

import java.util.ArrayList;
import java.util.List;

/**
 * Every MSK event source retries a failed batch until it succeeds: a projection fails a whole batch only when its
 * store is down (poison records it dead-letters itself), and a batch given up on would leave the read model without
 * its events until someone rebuilds. So {@code MaximumRetryAttempts} and {@code MaximumRecordAgeInSeconds} are -1
 * (Lambda's default, stated so nobody lowers it by accident) and there is no on-failure destination: with one,
 * "Lambda automatically applies a maximum of 10 retry attempts" (kafka-on-failure-destination.html).
 */
final class RetryCheck {

    private static final int UNLIMITED = -1;

    List<String> problems(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        template.functions().forEach((id, function) -> function.events("MSK").forEach((name, source) -> {
            String where = id + ".Events." + name;
            for (String setting : List.of("MaximumRetryAttempts", "MaximumRecordAgeInSeconds")) {
                Object value = source.get(setting);
                if (!(value instanceof Number number) || number.intValue() != UNLIMITED) {
                    problems.add(where + ": " + setting + " is " + value + ", not -1: a batch failed by a store outage"
                            + " would be given up before the store is back");
                }
            }
            if (source.get("DestinationConfig") != null) {
                problems.add(where + ": has an on-failure destination, which caps retries at 10: a longer store"
                        + " outage would park batches nothing replays");
            }
        }));
        return problems;
    }
}
