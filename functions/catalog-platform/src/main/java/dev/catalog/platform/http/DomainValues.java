package dev.catalog.platform.http;

import dev.catalog.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the domain's value objects from well-formed input, collecting every value the model refuses (each with
 * its rule's code) so the client learns all of them at once, as a 422.
 */
public final class DomainValues {

    private final List<FieldError> errors = new ArrayList<>();

    /** The value built by {@code construct}, or null (and an error for {@code field}) when the model refuses it. */
    public <T> T of(String field, Supplier<T> construct) {
        try {
            return construct.get();
        } catch (InvalidValueException refused) {
            errors.add(new FieldError(field, refused.code().wireName(), refused.getMessage()));
            return null;
        }
    }

    /** Like {@link #of} for optional input: null stays null. */
    public <I, T> T ofNullable(String field, I input, java.util.function.Function<I, T> construct) {
        return input == null ? null : of(field, () -> construct.apply(input));
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }
}
