package dev.catalog.local.stepfunctions.asl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A definition that cannot run here: malformed, inconsistent, or using a feature this engine does not implement.
 * Each problem names what is wrong and where ({@code at /States/<state>/<field>}).
 */
public final class InvalidDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidDefinitionException(List<String> problems) {
        super("Invalid State Machine Definition: "
                + problems.stream().map(p -> "'" + p + "'").collect(Collectors.joining(", ")));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
