package dev.catalog.local.rebuilds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.functions.FunctionHostSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * Rebuilds and rollbacks driven the way an AWS client drives them: the AWS SDK against the stack's AWS endpoint (any
 * credentials), the rebuild state machine found by name, rollback through Lambda's Invoke. {@code ./catalog rebuild},
 * {@code rollback} and the console all go through here.
 */
public final class RebuildControl implements AutoCloseable {

    /** The name template.yaml gives the rebuild state machine starts with this; the stage follows. */
    private static final String STATE_MACHINE_PREFIX = "catalog-rebuild";
    private static final String ROLLBACK_FUNCTION = "RollbackProjectionFunction";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int HISTORY_PAGE = 1000;

    /**
     * What starts a rebuild: the state machine's input.
     *
     * @param fromSequence as typed: a number is sent as one; anything else is sent as it is, for the rebuild to refuse
     * @param batchEvents  the pace's events per batch, or null for the default
     * @param sliceSeconds the pace's seconds per replay task, or null for the default
     */
    public record Request(String projection, String fromSequence, Integer batchEvents, Integer sliceSeconds) {
    }

    /** What Lambda's Invoke answered: the function's output, or its error ({@code functionError} set). */
    public record Invocation(boolean failed, String payload) {
    }

    private final SfnClient stepFunctions;
    private final LambdaClient lambda;

    public RebuildControl(URI awsEndpoint) {
        StaticCredentialsProvider anyCredentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        Region region = Region.of(FunctionHostSettings.LOCAL_REGION);
        this.stepFunctions = SfnClient.builder().endpointOverride(awsEndpoint).region(region)
                .credentialsProvider(anyCredentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.lambda = LambdaClient.builder().endpointOverride(awsEndpoint).region(region)
                .credentialsProvider(anyCredentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SfnClient stepFunctions() {
        return stepFunctions;
    }

    /** The rebuild state machine, as ListStateMachines shows it. */
    public StateMachineListItem stateMachine() {
        return stepFunctions.listStateMachines().stateMachines().stream()
                .filter(candidate -> candidate.name().startsWith(STATE_MACHINE_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no rebuild state machine on the AWS endpoint"));
    }

    /** Starts an execution of the rebuild state machine; answers its ARN. */
    public String start(Request request) {
        String machine = stateMachine().stateMachineArn();
        String input = input(request).toString();
        return stepFunctions.startExecution(start -> start.stateMachineArn(machine).input(input)).executionArn();
    }

    public DescribeExecutionResponse describe(String executionArn) {
        return stepFunctions.describeExecution(describe -> describe.executionArn(executionArn));
    }

    /** The execution's whole history, oldest first, every page of it. */
    public List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> events = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            GetExecutionHistoryResponse page = stepFunctions.getExecutionHistory(history -> history.executionArn(executionArn)
                    .maxResults(HISTORY_PAGE).nextToken(next));
            events.addAll(page.events());
            token = page.nextToken();
        } while (token != null);
        return events;
    }

    /** Invokes the rollback function for {@code projection}: to the version LIVE before the current one. */
    public Invocation rollback(String projection) {
        return rollback(projection, null);
    }

    /** Invokes the rollback function for {@code projection}, to the RETIRED {@code toVersion} (null: the previous LIVE). */
    public Invocation rollback(String projection, Integer toVersion) {
        ObjectNode input = JSON.createObjectNode().put("projection", projection);
        if (toVersion != null) {
            input.put("toVersion", toVersion);
        }
        InvokeResponse response = lambda.invoke(invoke -> invoke.functionName(ROLLBACK_FUNCTION)
                .payload(SdkBytes.fromUtf8String(input.toString())));
        return new Invocation(response.functionError() != null, response.payload().asUtf8String());
    }

    static ObjectNode input(Request request) {
        ObjectNode input = JSON.createObjectNode().put("projection", request.projection());
        String from = Optional.ofNullable(request.fromSequence()).map(String::strip).orElse("");
        if (from.matches("-?\\d{1,18}")) {
            input.put("fromSequence", Long.parseLong(from));
        } else if (!from.isEmpty()) {
            input.put("fromSequence", from);
        }
        if (request.batchEvents() != null || request.sliceSeconds() != null) {
            ObjectNode pace = input.putObject("pace");
            Optional.ofNullable(request.batchEvents()).ifPresent(batch -> pace.put("batchEvents", batch));
            Optional.ofNullable(request.sliceSeconds()).ifPresent(slice -> pace.put("sliceSeconds", slice));
        }
        return input;
    }

    @Override
    public void close() {
        stepFunctions.close();
        lambda.close();
    }
}
