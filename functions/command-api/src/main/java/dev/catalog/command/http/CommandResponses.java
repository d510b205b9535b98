package dev.catalog.command.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.catalog.command.execution.CommandOutcome;
import dev.catalog.command.execution.VersionedRef;
import dev.catalog.platform.http.ApiResponse;
import dev.catalog.platform.http.Problem;
import dev.catalog.platform.http.ProblemCode;
import dev.catalog.platform.http.RejectionProblems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The answers to command outcomes, the same for every command: success, refusal, replay. */
public final class CommandResponses {

    private CommandResponses() {
    }

    /** 201 with the new resource's location under {@code collectionPath}. */
    public static APIGatewayV2HTTPResponse created(CommandOutcome<VersionedRef> outcome, String collectionPath) {
        return render(outcome, ref -> ApiResponse.json(201, ref, Map.of(
                "Location", collectionPath + "/" + ref.id(),
                "ETag", ApiResponse.etag(ref.version()))));
    }

    public static APIGatewayV2HTTPResponse changed(CommandOutcome<VersionedRef> outcome) {
        return render(outcome, ref -> ApiResponse.json(200, ref, Map.of("ETag", ApiResponse.etag(ref.version()))));
    }

    public static APIGatewayV2HTTPResponse deleted(CommandOutcome<VersionedRef> outcome) {
        return render(outcome, ref -> ApiResponse.noContent(Map.of()));
    }

    public static <R> APIGatewayV2HTTPResponse render(CommandOutcome<R> outcome,
                                                      Function<R, APIGatewayV2HTTPResponse> success) {
        return switch (outcome) {
            case CommandOutcome.Completed<R> completed -> completed.replayed()
                    ? replayed(success.apply(completed.result()))
                    : success.apply(completed.result());
            case CommandOutcome.Refused<R> refused -> ApiResponse.problem(RejectionProblems.toProblem(refused.rejection()));
            case CommandOutcome.IdempotencyKeyReused<R> reused -> ApiResponse.problem(Problem.of(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used within the last 24 hours for a different request"));
        };
    }

    private static APIGatewayV2HTTPResponse replayed(APIGatewayV2HTTPResponse response) {
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        headers.put("Idempotent-Replayed", "true");
        response.setHeaders(headers);
        return response;
    }
}
