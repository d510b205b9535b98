package dev.catalog.platform.http;

import java.util.List;

/**
 * The request cannot be carried out, for a reason the client can fix: it is answered with {@link #problem()}.
 * Thrown while reading a request, before any command runs, so nothing has changed when it is thrown;
 * {@link HttpFunction} turns it into the answer.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    /** 400 {@code invalid_request}: missing, mistyped or unknown inputs. */
    public static ProblemException invalidRequest(List<FieldError> errors) {
        return new ProblemException(Problem.of(ProblemCode.INVALID_REQUEST, summary(errors), errors));
    }

    public static ProblemException invalidRequest(String field, String message) {
        return invalidRequest(List.of(FieldError.invalid(field, message)));
    }

    /** 422 with the code of the first broken rule: inputs well-formed, but values the model refuses. */
    public static ProblemException unprocessable(List<FieldError> errors) {
        return new ProblemException(Problem.of(422, errors.getFirst().code(), summary(errors), errors));
    }

    public Problem problem() {
        return problem;
    }

    private static String summary(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : "the request has " + errors.size() + " invalid inputs";
    }
}
