package dev.catalog.platform.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error answer, as RFC 9457 problem details plus a stable {@code code} and the inputs at fault. It never
 * carries stack traces, SQL or class names.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors) {

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(ProblemCode code, String detail) {
        return of(code.status(), code.wireName(), detail, List.of());
    }

    public static Problem of(ProblemCode code, String detail, List<FieldError> errors) {
        return of(code.status(), code.wireName(), detail, errors);
    }

    /** Package-private: a code comes from {@link ProblemCode} or the model's rejection codes, never made up in a handler. */
    static Problem of(int status, String code, String detail) {
        return of(status, code, detail, List.of());
    }

    static Problem of(int status, String code, String detail, List<FieldError> errors) {
        return new Problem(typeFor(code), titleFor(status), status, detail, code, errors);
    }

    /** A URI that names the kind of problem; stable, so clients may branch on it as on {@code code}. */
    private static String typeFor(String code) {
        return "urn:catalog:problem:" + code;
    }

    private static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
