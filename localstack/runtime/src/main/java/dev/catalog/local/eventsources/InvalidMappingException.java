package dev.catalog.local.eventsources;

import java.util.List;

/**
 * The template's MSK event sources cannot be run locally as written: a setting Lambda would reject, or one the
 * local runtime does not serve. Carries every problem found, each naming the function and the event.
 */
public final class InvalidMappingException extends RuntimeException {

    private final List<String> problems;

    public InvalidMappingException(List<String> problems) {
        super(problems.size() == 1
                ? "event source mapping: " + problems.getFirst()
                : problems.size() + " event source mapping problems\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
