package dev.catalog.platform.http;

import dev.catalog.domain.shared.Rejection;
import java.util.List;

/** The edge's one mapping from the model's rejections to HTTP problems. */
public final class RejectionProblems {

    private RejectionProblems() {
    }

    public static Problem toProblem(Rejection rejection) {
        String code = rejection.code().wireName();
        return switch (rejection) {
            case Rejection.RuleBroken broken -> Problem.of(422, code, broken.message(), fieldError(broken.field(), code, broken.message()));
            case Rejection.Conflict conflict -> Problem.of(409, code, conflict.message(), fieldError(conflict.field(), code, conflict.message()));
            case Rejection.NotFound notFound -> Problem.of(404, code, notFound.message());
            case Rejection.VersionMismatch mismatch -> Problem.of(412, code, mismatch.message());
        };
    }

    private static List<FieldError> fieldError(String field, String code, String message) {
        return field == null ? List.of() : List.of(new FieldError(field, code, message));
    }
}
