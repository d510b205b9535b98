package dev.catalog.local.stepfunctions.asl;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a state's {@code Catch}: on a matching error, the error output ({@code {"Error", "Cause"}}) is placed
 * into the state input at {@code resultPath} (empty: discarded) and the execution goes on at {@code next}.
 */
public record Catcher(List<String> errorEquals, String next, Optional<ReferencePath> resultPath) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }

    public boolean matches(String error) {
        return ErrorMatching.matches(errorEquals, error);
    }
}
