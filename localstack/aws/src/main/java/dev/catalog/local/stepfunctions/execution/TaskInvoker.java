package dev.catalog.local.stepfunctions.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.catalog.local.lambda.FunctionReference;
import dev.catalog.local.lambda.InvocationResult;
import dev.catalog.local.stepfunctions.ErrorNames;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StatesFailure;
import dev.catalog.local.stepfunctions.asl.State;
import dev.catalog.local.stepfunctions.asl.TaskResource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a Task state's work: invokes its Lambda function, records the events AWS records for its kind of resource,
 * and turns function and service errors into the error names AWS uses.
 *
 * <ul>
 *   <li>Function ARN as Resource: LambdaFunctionScheduled/Started/Succeeded|Failed|TimedOut; the result is the payload.</li>
 *   <li>{@code arn:aws:states:::lambda:invoke}: TaskScheduled/Started/Succeeded|Failed|TimedOut; the result is the
 *   Invoke response {@code {ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode}}.</li>
 * </ul>
 * A function error's name is its {@code errorType} (for a Java handler, the exception's fully qualified class name),
 * or {@code Lambda.Unknown} when it has none; a Lambda service error is {@code Lambda.<ErrorCode>}.
 */
final class TaskInvoker {

    private static final String RESOURCE_TYPE = "lambda";
    private static final String RESOURCE = "invoke";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private final ExecutionRun run;

    TaskInvoker(ExecutionRun run) {
        this.run = run;
    }

    /** Returns the task's result (before ResultSelector). */
    JsonNode run(State.Task task, JsonNode rawInput, JsonNode context, Strand strand) {
        JsonNode selected = task.dataFlow().selectInput(rawInput, context);
        JsonNode effective = task.dataFlow().effectiveInput(selected, context);
        Optional<Duration> timeout = Interpreter.positiveSeconds(task.timeout(), selected, context);
        return switch (task.resource()) {
            case TaskResource.LambdaFunction function -> lambdaFunction(function, effective, timeout, strand);
            case TaskResource.LambdaInvoke invoke -> lambdaInvoke(effective, timeout, strand);
        };
    }

    private JsonNode lambdaFunction(TaskResource.LambdaFunction resource, JsonNode payload, Optional<Duration> timeout,
                                    Strand strand) {
        ObjectNode scheduled = Json.object();
        scheduled.put("resource", resource.arn());
        scheduled.put("input", Json.text(payload));
        scheduled.putObject("inputDetails").put("truncated", false);
        timeout.ifPresent(t -> scheduled.put("timeoutInSeconds", t.toSeconds()));
        run.record(strand, "LambdaFunctionScheduled", scheduled);
        run.record(strand, "LambdaFunctionStarted", null);
        FunctionReference function = resource.function();
        Outcome outcome = invoke(function, Json.text(payload), timeout);
        return switch (outcome) {
            case Outcome.Returned returned -> {
                ObjectNode succeeded = Json.object();
                succeeded.put("output", Json.text(returned.payload()));
                succeeded.putObject("outputDetails").put("truncated", false);
                run.record(strand, "LambdaFunctionSucceeded", succeeded);
                yield returned.payload();
            }
            case Outcome.Failed failed -> {
                run.record(strand, failed.timedOut() ? "LambdaFunctionTimedOut" : "LambdaFunctionFailed",
                        errorDetails(failed, false));
                throw new StatesFailure(failed.error(), failed.cause());
            }
        };
    }

    private JsonNode lambdaInvoke(JsonNode parameters, Optional<Duration> timeout, Strand strand) {
        ObjectNode scheduled = Json.object();
        scheduled.put("resourceType", RESOURCE_TYPE);
        scheduled.put("resource", RESOURCE);
        scheduled.put("region", run.services().region());
        scheduled.put("parameters", Json.text(parameters));
        timeout.ifPresent(t -> scheduled.put("timeoutInSeconds", t.toSeconds()));
        run.record(strand, "TaskScheduled", scheduled);
        ObjectNode started = Json.object();
        started.put("resourceType", RESOURCE_TYPE);
        started.put("resource", RESOURCE);
        run.record(strand, "TaskStarted", started);

        Outcome outcome;
        FunctionReference function;
        try {
            function = FunctionReference.parse(parameters.path("FunctionName").asText(null),
                    parameters.path("Qualifier").asText(null));
            outcome = invoke(function, payloadText(parameters.get("Payload")), timeout);
        } catch (IllegalArgumentException e) {
            outcome = new Outcome.Failed("Lambda.InvalidParameterValueException", e.getMessage(), false);
        }
        return switch (outcome) {
            case Outcome.Returned returned -> {
                JsonNode response = invokeResponse(returned);
                ObjectNode succeeded = Json.object();
                succeeded.put("resourceType", RESOURCE_TYPE);
                succeeded.put("resource", RESOURCE);
                succeeded.put("output", Json.text(response));
                succeeded.putObject("outputDetails").put("truncated", false);
                run.record(strand, "TaskSucceeded", succeeded);
                yield response;
            }
            case Outcome.Failed failed -> {
                run.record(strand, failed.timedOut() ? "TaskTimedOut" : "TaskFailed", errorDetails(failed, true));
                throw new StatesFailure(failed.error(), failed.cause());
            }
        };
    }

    /** The Payload parameter as the request body: a JSON string is sent as it is, anything else serialized. */
    private static String payloadText(JsonNode payload) {
        if (payload == null || payload.isNull()) {
            return "{}";
        }
        if (payload.isTextual()) {
            try {
                Json.parse(payload.textValue());
                return payload.textValue();
            } catch (IllegalArgumentException notJson) {
                return Json.text(payload);
            }
        }
        return Json.text(payload);
    }

    private JsonNode invokeResponse(Outcome.Returned returned) {
        String requestId = UUID.randomUUID().toString();
        String body = Json.text(returned.payload());
        ObjectNode response = Json.object();
        response.put("ExecutedVersion", returned.executedVersion());
        response.set("Payload", returned.payload());
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        ObjectNode headers = http.putObject("HttpHeaders");
        String date = HTTP_DATE.format(run.services().clock().instant());
        String length = String.valueOf(body.getBytes(StandardCharsets.UTF_8).length);
        for (String[] header : new String[][] {{"Connection", "keep-alive"}, {"Content-Length", length},
                {"Content-Type", "application/json"}, {"Date", date},
                {"X-Amz-Executed-Version", returned.executedVersion()}, {"x-amzn-RequestId", requestId}}) {
            all.putArray(header[0]).add(header[1]);
            headers.put(header[0], header[1]);
        }
        http.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", 200);
        return response;
    }

    private static ObjectNode errorDetails(Outcome.Failed failed, boolean taskEvent) {
        ObjectNode details = Json.object();
        if (taskEvent) {
            details.put("resourceType", RESOURCE_TYPE);
            details.put("resource", RESOURCE);
        }
        details.put("error", failed.error());
        details.put("cause", failed.cause());
        return details;
    }

    private sealed interface Outcome {
        record Returned(JsonNode payload, String executedVersion) implements Outcome {
        }

        record Failed(String error, String cause, boolean timedOut) implements Outcome {
        }
    }

    private Outcome invoke(FunctionReference function, String payload, Optional<Duration> timeout) {
        InvocationResult result;
        try {
            result = timeout.isPresent() ? invokeWithin(function, payload, timeout.get()) : call(function, payload);
        } catch (TimeoutException e) {
            return new Outcome.Failed(ErrorNames.TIMEOUT, "The task did not complete within " + timeout.get().toSeconds()
                    + " seconds", true);
        }
        return switch (result) {
            case InvocationResult.Success success ->
                    new Outcome.Returned(parsePayload(success.payload()), success.executedVersion());
            case InvocationResult.FunctionError error -> new Outcome.Failed(
                    error.errorType() == null || error.errorType().isBlank() ? ErrorNames.LAMBDA_UNKNOWN : error.errorType(),
                    error.document(), false);
            case InvocationResult.ServiceError error -> new Outcome.Failed("Lambda." + error.errorCode(),
                    error.message() + " (Service: AWSLambda; Status Code: " + error.httpStatus() + "; Error Code: "
                            + error.errorCode() + "; Request ID: " + UUID.randomUUID() + "; Proxy: null)", false);
        };
    }

    private InvocationResult call(FunctionReference function, String payload) {
        try {
            return run.services().lambda().invoke(function.name(), function.qualifier(),
                    payload.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException hostFailure) {
            // The function host itself broke: to the state machine that is Lambda failing, not the function.
            return new InvocationResult.ServiceError("ServiceException", String.valueOf(hostFailure.getMessage()), 500);
        }
    }

    private InvocationResult invokeWithin(FunctionReference function, String payload, Duration timeout)
            throws TimeoutException {
        Future<InvocationResult> invocation = run.workers().submit(() -> call(function, payload));
        try {
            return invocation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            invocation.cancel(true);
            throw new CancelledException("the execution has ended");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the invocation failed outside the function", e.getCause());
        } catch (TimeoutException e) {
            invocation.cancel(true);
            throw e;
        }
    }

    /** The function's answer as JSON, or as a JSON string when it is not JSON (Step Functions does the same). */
    private static JsonNode parsePayload(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException notJson) {
            return TextNode.valueOf(text);
        }
    }
}
