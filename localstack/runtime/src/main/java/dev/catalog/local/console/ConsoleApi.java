package dev.catalog.local.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.catalog.local.rebuilds.ProjectionVersions;
import dev.catalog.local.rebuilds.RebuildControl;
import dev.catalog.local.rebuilds.ReplayProgress;
import dev.catalog.platform.projection.ProjectionName;
import dev.catalog.platform.projection.ProjectionVersionStore;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * The console's own JSON under {@code /console/}: what the pages need besides the HTTP API.
 * <ul>
 * <li>{@code GET tenants}, {@code POST token}: whom to search as, and a token for them;</li>
 * <li>{@code GET pipeline}: the stack's status (as {@code ./catalog status --json}), the dead-letter topic's size and
 *     the commit → visible samples;</li>
 * <li>{@code GET rebuilds}, {@code POST rebuilds}, {@code GET execution?arn=}, {@code POST rollback}: the projections'
 *     versions, the rebuild state machine and its executions as the AWS SDK sees them through the AWS endpoint.</li>
 * </ul>
 */
final class ConsoleApi implements HttpHandler {

    static final String PREFIX = "/console/";

    private static final Logger log = LoggerFactory.getLogger(ConsoleApi.class);
    private static final int EXECUTIONS_SHOWN = 10;

    private final ConsoleSources sources;
    private final LagSampler lag;
    private final RebuildControl rebuilds;
    /** One watcher per running execution, so its rate is smoothed over the pages' successive looks. */
    private final Map<String, ReplayProgress> progress = new ConcurrentHashMap<>();

    ConsoleApi(ConsoleSources sources, LagSampler lag, RebuildControl rebuilds) {
        this.sources = sources;
        this.lag = lag;
        this.rebuilds = rebuilds;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath().substring(PREFIX.length());
            try {
                switch (route) {
                    case "GET tenants" -> ConsoleHttp.json(exchange, 200, Map.of("tenants", Tenants.read(sources.database())));
                    case "POST token" -> token(exchange);
                    case "GET read-models" -> ConsoleHttp.json(exchange, 200, Map.of("readModels", readModels()));
                    case "GET pipeline" -> pipeline(exchange);
                    case "GET rebuilds" -> ConsoleHttp.json(exchange, 200, rebuildsOverview());
                    case "POST rebuilds" -> startRebuild(exchange);
                    case "GET execution" -> ConsoleHttp.json(exchange, 200, execution(parameter(exchange, "arn")));
                    case "POST rollback" -> rollback(exchange);
                    default -> ConsoleHttp.problem(exchange, 404, "Not Found", "the console has no " + route);
                }
            } catch (ConsoleHttp.BadRequest e) {
                ConsoleHttp.problem(exchange, 400, "Bad Request", e.getMessage());
            } catch (SfnException e) {
                // What the Step Functions API answered, as the AWS SDK reports it.
                ConsoleHttp.problem(exchange, e.statusCode(), e.awsErrorDetails().errorCode(), e.awsErrorDetails().errorMessage());
            } catch (SdkClientException e) {
                ConsoleHttp.problem(exchange, 502, "Bad Gateway", "the AWS endpoint did not answer: " + e.getMessage());
            } catch (SQLException e) {
                ConsoleHttp.problem(exchange, 503, "Service Unavailable", "PostgreSQL did not answer: " + e.getMessage());
            } catch (RuntimeException e) {
                log.warn("the console failed on {}", route, e);
                ConsoleHttp.problem(exchange, 500, "Internal Server Error", "the console failed: " + e);
            }
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        String tenant = ConsoleHttp.body(exchange).path("tenant").asText("").strip();
        if (tenant.isEmpty()) {
            throw new ConsoleHttp.BadRequest("tenant: choose a tenant to sign a token for");
        }
        ConsoleHttp.json(exchange, 200, Map.of("tenant", tenant, "token", sources.tokens().apply(tenant)));
    }

    private void pipeline(HttpExchange exchange) throws IOException {
        ObjectNode answer = ConsoleHttp.JSON.createObjectNode();
        answer.set("status", ConsoleHttp.JSON.valueToTree(sources.status().get()));
        answer.set("readModels", readModels());
        ObjectNode deadLetters = answer.putObject("deadLetters");
        try {
            deadLetters.put("records", new dev.catalog.local.deadletters.DeadLetterTopic(sources.kafkaBootstrapServers()).count());
        } catch (Exception e) {
            deadLetters.put("error", "Kafka did not say: " + e.getMessage());
        }
        ObjectNode lagAnswer = answer.putObject("lag").put("windowSeconds", LagSampler.WINDOW.toSeconds());
        Instant since = Optional.ofNullable(query(exchange, "since")).map(ConsoleApi::instant).orElse(Instant.EPOCH);
        lagAnswer.set("samples", ConsoleHttp.JSON.valueToTree(lag.since(since)));
        ConsoleHttp.json(exchange, 200, answer);
    }

    /** The read models the pages show, rebuild and chart, as {@link ProjectionName} lists them: the pages name none. */
    private static ArrayNode readModels() {
        ArrayNode readModels = ConsoleHttp.JSON.createArrayNode();
        for (ProjectionName name : ProjectionName.values()) {
            readModels.addObject().put("name", name.id()).put("store", name.store()).put("visibility", name.visibility());
        }
        return readModels;
    }

    private ObjectNode rebuildsOverview() throws IOException, SQLException {
        StateMachineListItem machine = rebuilds.stateMachine();
        ObjectNode answer = ConsoleHttp.JSON.createObjectNode();
        String definition = rebuilds.stepFunctions().describeStateMachine(describe -> describe.stateMachineArn(machine.stateMachineArn()))
                .definition();
        answer.putObject("stateMachine").put("name", machine.name()).put("stateMachineArn", machine.stateMachineArn())
                .set("definition", ConsoleHttp.JSON.readTree(definition));
        answer.set("versions", ConsoleHttp.JSON.valueToTree(ProjectionVersions.read(sources.database())));
        ArrayNode executions = answer.putArray("executions");
        List<ExecutionListItem> recent = rebuilds.stepFunctions().listExecutions(list -> list
                .stateMachineArn(machine.stateMachineArn()).maxResults(EXECUTIONS_SHOWN)).executions();
        for (ExecutionListItem item : recent) {
            ObjectNode execution = (ObjectNode) SdkJson.of(item);
            execution.set("input", parsed(rebuilds.describe(item.executionArn()).input()));
            executions.add(execution);
        }
        return answer;
    }

    private void startRebuild(HttpExchange exchange) throws IOException {
        ObjectNode body = ConsoleHttp.body(exchange);
        RebuildControl.Request request = new RebuildControl.Request(body.path("projection").asText(null),
                body.path("fromSequence").asText(""), integer(body, "batchEvents"), integer(body, "sliceSeconds"));
        ConsoleHttp.json(exchange, 201, Map.of("executionArn", rebuilds.start(request)));
    }

    private ObjectNode execution(String arn) throws SQLException {
        DescribeExecutionResponse described = rebuilds.describe(arn);
        ObjectNode answer = ConsoleHttp.JSON.createObjectNode();
        ObjectNode execution = (ObjectNode) SdkJson.of(described);
        execution.set("input", parsed(described.input()));
        answer.set("execution", execution);
        answer.set("history", SdkJson.of(rebuilds.history(arn)));
        List<ProjectionVersionStore.Overview> versions = ProjectionVersions.read(sources.database()).stream()
                .filter(row -> arn.equals(row.runId())).toList();
        answer.set("versions", ConsoleHttp.JSON.valueToTree(versions));
        if (described.status() == ExecutionStatus.RUNNING) {
            ReplayProgress watcher = progress.computeIfAbsent(arn, running -> new ReplayProgress());
            ReplayProgress.Snapshot snapshot;
            synchronized (watcher) {
                snapshot = watcher.update(versions, Instant.now());
            }
            ObjectNode running = answer.putObject("progress").put("events", snapshot.events())
                    .put("remaining", snapshot.remaining()).put("rate", snapshot.rate());
            snapshot.eta().ifPresentOrElse(eta -> running.put("etaSeconds", eta.toSeconds()), () -> running.putNull("etaSeconds"));
        } else {
            progress.remove(arn);
        }
        return answer;
    }

    private void rollback(HttpExchange exchange) throws IOException {
        String projection = ConsoleHttp.body(exchange).path("projection").asText("");
        RebuildControl.Invocation rollback = rebuilds.rollback(projection);
        JsonNode payload = parsed(rollback.payload());
        if (rollback.failed()) {
            // The function's own error, as Lambda's Invoke carries it: its message says why.
            ConsoleHttp.problem(exchange, 409, "Rollback refused", payload.path("errorMessage").asText(rollback.payload()));
            return;
        }
        ConsoleHttp.json(exchange, 200, payload);
    }

    private static Integer integer(ObjectNode body, String field) {
        JsonNode value = body.path(field);
        if (value.isMissingNode() || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        if (!value.asText().strip().matches("\\d{1,9}")) {
            throw new ConsoleHttp.BadRequest(field + ": a whole number, not \"" + value.asText() + "\"");
        }
        return Integer.parseInt(value.asText().strip());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ConsoleHttp.BadRequest("since: an ISO-8601 instant, not \"" + text + "\"");
        }
    }

    private static JsonNode parsed(String json) {
        try {
            return json == null ? ConsoleHttp.JSON.nullNode() : ConsoleHttp.JSON.readTree(json);
        } catch (IOException notJson) {
            return ConsoleHttp.JSON.getNodeFactory().textNode(json);
        }
    }

    private static String parameter(HttpExchange exchange, String name) {
        String value = query(exchange, name);
        if (value == null || value.isBlank()) {
            throw new ConsoleHttp.BadRequest(name + ": required");
        }
        return value;
    }

    private static String query(HttpExchange exchange, String name) {
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return null;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
