package dev.catalog.local.template;

import java.nio.file.Path;
import java.util.List;

/**
 * template.yaml cannot be hosted locally: it does not parse, or values the runtime needs are malformed or cannot be
 * resolved to local values. Carries every problem found, each with where it is in the template.
 */
public final class TemplateException extends RuntimeException {

    private final List<String> problems;

    public TemplateException(Path template, List<String> problems) {
        super(template + (problems.size() == 1
                ? ": " + problems.getFirst()
                : ": " + problems.size() + " problems\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    public TemplateException(Path template, String problem, Throwable cause) {
        super(template + ": " + problem, cause);
        this.problems = List.of(problem);
    }

    public List<String> problems() {
        return problems;
    }
}
