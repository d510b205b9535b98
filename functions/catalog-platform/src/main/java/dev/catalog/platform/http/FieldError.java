package dev.catalog.platform.http;

import java.util.Objects;

/**
 * One thing wrong with one input.
 *
 * @param field where: a body property as a dotted path ({@code price.amount}), a path parameter, or a header
 * @param code  the stable code of the problem ({@code invalid_request}, {@code price_not_positive}...)
 */
public record FieldError(String field, String code, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** An input that is missing, mistyped or unknown: {@code invalid_request}. */
    public static FieldError invalid(String field, String message) {
        return new FieldError(field, ProblemCode.INVALID_REQUEST.wireName(), message);
    }
}
