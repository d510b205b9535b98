package dev.catalog.local.awsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.stepfunctions.Json;
import dev.catalog.local.stepfunctions.StateMachine;
import dev.catalog.local.stepfunctions.StepFunctions;
import dev.catalog.local.stepfunctions.StepFunctionsException;
import dev.catalog.local.stepfunctions.execution.Execution;
import dev.catalog.local.stepfunctions.execution.ExecutionStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Step Functions API in the AWS JSON 1.0 protocol: {@code POST /} with {@code X-Amz-Target:
 * AWSStepFunctions.<Operation>}, a JSON body, timestamps as epoch seconds, errors as {@code {"__type", "message"}}.
 */
final class StepFunctionsApi {

    static final String TARGET_PREFIX = "AWSStepFunctions.";

    private static final int DEFAULT_PAGE_SIZE = 100;
    private static final int MAX_PAGE_SIZE = 1000;

    private final StepFunctions stepFunctions;
    private final Map<String, Function<JsonNode, ObjectNode>> operations;

    StepFunctionsApi(StepFunctions stepFunctions) {
        this.stepFunctions = stepFunctions;
        this.operations = Map.of(
                "CreateStateMachine", this::createStateMachine,
                "ListStateMachines", this::listStateMachines,
                "DescribeStateMachine", this::describeStateMachine,
                "StartExecution", this::startExecution,
                "DescribeExecution", this::describeExecution,
                "ListExecutions", this::listExecutions,
                "GetExecutionHistory", this::getExecutionHistory,
                "StopExecution", this::stopExecution);
    }

    AwsResponse handle(String operation, byte[] body) {
        Function<JsonNode, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            return AwsResponse.jsonProtocolError(400, "UnknownOperationException",
                    "The operation " + TARGET_PREFIX + operation + " is not supported by the local Step Functions endpoint "
                            + "(supported: " + operations.keySet().stream().sorted().toList() + ")");
        }
        JsonNode request;
        try {
            request = body.length == 0 ? Json.object() : Json.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return AwsResponse.jsonProtocolError(400, "SerializationException", "The request body is not JSON: " + e.getMessage());
        }
        try {
            return AwsResponse.json(200, AwsResponse.AWS_JSON_1_0, handler.apply(request));
        } catch (StepFunctionsException e) {
            return AwsResponse.jsonProtocolError(400, e.code().awsCode(), e.getMessage());
        }
    }

    private ObjectNode createStateMachine(JsonNode request) {
        String type = request.path("type").asText("STANDARD");
        if (!type.equals("STANDARD")) {
            throw new StepFunctionsException(StepFunctionsException.Code.VALIDATION,
                    "Only STANDARD state machines run locally, not " + type);
        }
        StateMachine created = stepFunctions.createStateMachine(text(request, "name"), text(request, "definition"),
                text(request, "roleArn"));
        ObjectNode response = Json.object();
        response.put("stateMachineArn", created.arn());
        response.put("creationDate", seconds(created.creationDate()));
        return response;
    }

    private ObjectNode listStateMachines(JsonNode request) {
        Pagination.Page<StateMachine> page = page(stepFunctions.listStateMachines(), request);
        ObjectNode response = Json.object();
        ArrayNode machines = response.putArray("stateMachines");
        page.items().forEach(machine -> {
            ObjectNode item = machines.addObject();
            item.put("stateMachineArn", machine.arn());
            item.put("name", machine.name());
            item.put("type", "STANDARD");
            item.put("creationDate", seconds(machine.creationDate()));
        });
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode describeStateMachine(JsonNode request) {
        StateMachine machine = stepFunctions.describeStateMachine(text(request, "stateMachineArn"));
        ObjectNode response = Json.object();
        response.put("stateMachineArn", machine.arn());
        response.put("name", machine.name());
        response.put("status", "ACTIVE");
        response.put("definition", machine.definition().json());
        response.put("roleArn", machine.roleArn());
        response.put("type", "STANDARD");
        response.put("creationDate", seconds(machine.creationDate()));
        ObjectNode logging = response.putObject("loggingConfiguration");
        logging.put("level", "OFF");
        logging.put("includeExecutionData", false);
        response.putObject("tracingConfiguration").put("enabled", false);
        return response;
    }

    private ObjectNode startExecution(JsonNode request) {
        Execution execution = stepFunctions.startExecution(text(request, "stateMachineArn"),
                request.path("name").asText(null), request.path("input").asText(null));
        ObjectNode response = Json.object();
        response.put("executionArn", execution.executionArn());
        response.put("startDate", seconds(execution.startDate()));
        return response;
    }

    private ObjectNode describeExecution(JsonNode request) {
        Execution execution = stepFunctions.describeExecution(text(request, "executionArn"));
        ObjectNode response = executionSummary(execution);
        response.put("input", execution.input());
        response.putObject("inputDetails").put("included", true);
        execution.output().ifPresent(output -> {
            response.put("output", output);
            response.putObject("outputDetails").put("included", true);
        });
        execution.error().ifPresent(error -> response.put("error", error));
        execution.cause().ifPresent(cause -> response.put("cause", cause));
        response.put("redriveCount", 0);
        return response;
    }

    private ObjectNode listExecutions(JsonNode request) {
        List<Execution> executions = stepFunctions.listExecutions(text(request, "stateMachineArn"));
        if (request.hasNonNull("statusFilter")) {
            ExecutionStatus status = status(request.get("statusFilter").asText());
            executions = executions.stream().filter(execution -> execution.status() == status).toList();
        }
        Pagination.Page<Execution> page = page(executions, request);
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("executions");
        page.items().forEach(execution -> items.add(executionSummary(execution)));
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode getExecutionHistory(JsonNode request) {
        List<JsonNode> events = stepFunctions.executionHistory(text(request, "executionArn"));
        if (request.path("reverseOrder").asBoolean(false)) {
            events = events.reversed();
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        Pagination.Page<JsonNode> page = page(events, request);
        ObjectNode response = Json.object();
        ArrayNode items = response.putArray("events");
        page.items().forEach(event -> items.add(includeData ? event : withoutData(event)));
        page.nextToken().ifPresent(token -> response.put("nextToken", token));
        return response;
    }

    private ObjectNode stopExecution(JsonNode request) {
        Execution execution = stepFunctions.stopExecution(text(request, "executionArn"),
                request.path("error").asText(null), request.path("cause").asText(null));
        ObjectNode response = Json.object();
        response.put("stopDate", seconds(execution.stopDate().orElseThrow()));
        return response;
    }

    private static ObjectNode executionSummary(Execution execution) {
        ObjectNode summary = Json.object();
        summary.put("executionArn", execution.executionArn());
        summary.put("stateMachineArn", execution.stateMachineArn());
        summary.put("name", execution.name());
        summary.put("status", execution.status().name());
        summary.put("startDate", seconds(execution.startDate()));
        execution.stopDate().ifPresent(stop -> summary.put("stopDate", seconds(stop)));
        return summary;
    }

    /** {@code includeExecutionData: false} leaves out inputs and outputs, as AWS does. */
    private static JsonNode withoutData(JsonNode event) {
        ObjectNode copy = event.deepCopy();
        copy.properties().forEach(field -> {
            if (field.getValue() instanceof ObjectNode details) {
                details.remove(List.of("input", "output", "inputDetails", "outputDetails", "parameters"));
            }
        });
        return copy;
    }

    private static <T> Pagination.Page<T> page(List<T> all, JsonNode request) {
        int maxResults = request.path("maxResults").asInt(0);
        if (maxResults < 0 || maxResults > MAX_PAGE_SIZE) {
            throw new StepFunctionsException(StepFunctionsException.Code.VALIDATION,
                    "1 validation error detected: Value '" + maxResults + "' at 'maxResults' failed to satisfy "
                            + "constraint: Member must have value less than or equal to " + MAX_PAGE_SIZE);
        }
        try {
            return Pagination.page(all, request.path("nextToken").asText(null), maxResults == 0 ? DEFAULT_PAGE_SIZE : maxResults);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(StepFunctionsException.Code.INVALID_TOKEN, e.getMessage());
        }
    }

    private static ExecutionStatus status(String value) {
        try {
            return ExecutionStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new StepFunctionsException(StepFunctionsException.Code.VALIDATION,
                    "1 validation error detected: Value '" + value + "' at 'statusFilter' failed to satisfy constraint");
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || !value.isTextual()) {
            throw new StepFunctionsException(StepFunctionsException.Code.VALIDATION,
                    "1 validation error detected: Value null at '" + field + "' failed to satisfy constraint: "
                            + "Member must not be null");
        }
        return value.textValue();
    }

    /** The JSON protocols carry timestamps as epoch seconds with a fraction. */
    private static BigDecimal seconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3);
    }
}
