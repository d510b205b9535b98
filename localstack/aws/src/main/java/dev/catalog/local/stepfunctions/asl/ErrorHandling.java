package dev.catalog.local.stepfunctions.asl;

import java.util.List;

/** A state's {@code Retry} and {@code Catch}, in definition order (the first match wins). */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {

    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());

    public ErrorHandling {
        retriers = List.copyOf(retriers);
        catchers = List.copyOf(catchers);
    }
}
