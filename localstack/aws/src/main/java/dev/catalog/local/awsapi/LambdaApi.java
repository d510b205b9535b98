package dev.catalog.local.awsapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.lambda.FunctionDescription;
import dev.catalog.local.lambda.FunctionReference;
import dev.catalog.local.lambda.InvocationResult;
import dev.catalog.local.lambda.LambdaFunctions;
import dev.catalog.local.stepfunctions.Json;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda API operations the local runtime serves, in Lambda's REST-JSON protocol: {@code ListFunctions}
 * ({@code GET /2015-03-31/functions/}) and {@code Invoke} ({@code POST /2015-03-31/functions/{name}/invocations}).
 */
final class LambdaApi {

    static final String PATH_PREFIX = "/2015-03-31/functions";

    private static final Logger LOG = LoggerFactory.getLogger(LambdaApi.class);
    private static final Pattern INVOCATIONS = Pattern.compile(PATH_PREFIX + "/([^/]+)/invocations/?");
    private static final int MAX_ITEMS = 50;

    private final LambdaFunctions functions;
    private final String region;
    private final String accountId;
    private final ExecutorService asyncInvocations;

    LambdaApi(LambdaFunctions functions, String region, String accountId, ExecutorService asyncInvocations) {
        this.functions = functions;
        this.region = region;
        this.accountId = accountId;
        this.asyncInvocations = asyncInvocations;
    }

    /**
     * @param rawPath the request path, still URL-encoded (a function ARN arrives with its colons encoded)
     */
    AwsResponse handle(String method, String rawPath, Map<String, String> query, Map<String, String> headers, byte[] body) {
        if (method.equals("GET") && (rawPath.equals(PATH_PREFIX) || rawPath.equals(PATH_PREFIX + "/"))) {
            return listFunctions(query);
        }
        Matcher invocations = INVOCATIONS.matcher(rawPath);
        if (method.equals("POST") && invocations.matches()) {
            return invoke(URLDecoder.decode(invocations.group(1), StandardCharsets.UTF_8), query.get("Qualifier"),
                    headers.getOrDefault("x-amz-invocation-type", "RequestResponse"), body);
        }
        return AwsResponse.lambdaError(404, "UnknownOperationException", "The operation " + method + " " + rawPath
                + " is not supported by the local Lambda endpoint (supported: ListFunctions, Invoke)");
    }

    private AwsResponse listFunctions(Map<String, String> query) {
        Pagination.Page<FunctionDescription> page;
        try {
            int maxItems = query.containsKey("MaxItems") ? Integer.parseInt(query.get("MaxItems")) : MAX_ITEMS;
            page = Pagination.page(functions.list(), query.get("Marker"), Math.clamp(maxItems, 1, MAX_ITEMS));
        } catch (IllegalArgumentException e) {
            return AwsResponse.lambdaError(400, "InvalidParameterValueException", e.getMessage());
        }
        ObjectNode response = Json.object();
        ArrayNode list = response.putArray("Functions");
        page.items().forEach(function -> {
            ObjectNode item = list.addObject();
            item.put("FunctionName", function.functionName());
            item.put("FunctionArn", function.functionArn());
            item.put("Runtime", function.runtime());
            item.put("Handler", function.handler());
            if (function.role() != null) {
                item.put("Role", function.role());
            }
            item.put("Timeout", function.timeoutSeconds());
            item.put("MemorySize", function.memorySizeMb());
            item.put("Version", "$LATEST");
            item.put("PackageType", "Zip");
            item.putArray("Architectures").add("x86_64");
        });
        page.nextToken().ifPresent(marker -> response.put("NextMarker", marker));
        return AwsResponse.json(200, AwsResponse.JSON, response);
    }

    private AwsResponse invoke(String functionName, String qualifier, String invocationType, byte[] payload) {
        FunctionReference function;
        try {
            function = FunctionReference.parse(functionName, qualifier);
        } catch (IllegalArgumentException e) {
            return AwsResponse.lambdaError(400, "InvalidParameterValueException", e.getMessage());
        }
        byte[] event = payload.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : payload;
        return switch (invocationType) {
            case "RequestResponse" -> answer(functions.invoke(function.name(), function.qualifier(), event));
            case "Event" -> {
                if (!exists(function)) {
                    yield notFound(function);
                }
                asyncInvocations.submit(() -> logAsyncOutcome(function,
                        functions.invoke(function.name(), function.qualifier(), event)));
                yield new AwsResponse(202, Map.of(), new byte[0]);
            }
            case "DryRun" -> exists(function) ? new AwsResponse(204, Map.of(), new byte[0]) : notFound(function);
            default -> AwsResponse.lambdaError(400, "InvalidParameterValueException",
                    "Invalid X-Amz-Invocation-Type: " + invocationType);
        };
    }

    private AwsResponse answer(InvocationResult result) {
        return switch (result) {
            case InvocationResult.Success success -> new AwsResponse(200,
                    Map.of("Content-Type", AwsResponse.JSON, "X-Amz-Executed-Version", success.executedVersion()),
                    success.payload());
            case InvocationResult.FunctionError error -> new AwsResponse(200,
                    Map.of("Content-Type", AwsResponse.JSON, "X-Amz-Executed-Version", error.executedVersion(),
                            "X-Amz-Function-Error", "Unhandled"),
                    error.document().getBytes(StandardCharsets.UTF_8));
            case InvocationResult.ServiceError error ->
                    AwsResponse.lambdaError(error.httpStatus(), error.errorCode(), error.message());
        };
    }

    private boolean exists(FunctionReference function) {
        List<FunctionDescription> hosted = functions.list();
        return hosted.stream().anyMatch(candidate -> candidate.functionName().equals(function.name()));
    }

    private AwsResponse notFound(FunctionReference function) {
        InvocationResult.ServiceError error = InvocationResult.ServiceError.functionNotFound(function.arn(region, accountId));
        return AwsResponse.lambdaError(error.httpStatus(), error.errorCode(), error.message());
    }

    private static void logAsyncOutcome(FunctionReference function, InvocationResult result) {
        switch (result) {
            case InvocationResult.Success success -> LOG.debug("asynchronous invocation of {} succeeded", function.name());
            case InvocationResult.FunctionError error -> LOG.warn("asynchronous invocation of {} failed: {}: {}",
                    function.name(), error.errorType(), error.errorMessage());
            case InvocationResult.ServiceError error -> LOG.warn("asynchronous invocation of {} was refused: {}: {}",
                    function.name(), error.errorCode(), error.message());
        }
    }
}
