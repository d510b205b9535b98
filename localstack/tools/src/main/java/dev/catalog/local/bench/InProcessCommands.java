package dev.catalog.local.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.command.CommandApi;
import dev.catalog.command.product.CreateProductFunction;
import dev.catalog.command.product.UpdateProductFunction;
import dev.catalog.domain.shared.IdSource;
import dev.catalog.platform.db.ConnectionPool;
import dev.catalog.platform.db.DatabaseSettings;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The command functions' handlers, called in this process with the events API Gateway would send them: what a
 * command costs without the HTTP hop, the gateway and the Lambda emulation. Built from the variables the local stack
 * gives its functions, so the pool and the database are the ones the deployed handlers use.
 */
final class InProcessCommands implements CommandBenchmark.CommandPath, Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource pool;
    private final CreateProductFunction create;
    private final UpdateProductFunction update;

    InProcessCommands(Map<String, String> variables) {
        pool = ConnectionPool.create(DatabaseSettings.from(name -> Optional.ofNullable(variables.get(name)).filter(value -> !value.isBlank())),
                "bench-in-process");
        CommandApi api = new CommandApi(pool, Clock.systemUTC(), IdSource.random());
        create = new CreateProductFunction(api.products(), api.ids());
        update = new UpdateProductFunction(api.products());
    }

    @Override
    public JsonNode create(String tenant, String body) throws Exception {
        return answer(create.handleRequest(event("POST /products", "/products", tenant, body, Map.of(), Map.of()), CONTEXT), 201);
    }

    @Override
    public JsonNode update(String tenant, String productId, long version, String body) throws Exception {
        return answer(update.handleRequest(event("PATCH /products/{id}", "/products/" + productId, tenant, body,
                Map.of("id", productId), Map.of("if-match", "\"" + version + "\"")), CONTEXT), 200);
    }

    private static JsonNode answer(APIGatewayV2HTTPResponse response, int expectedStatus) throws Exception {
        return response.getStatusCode() == expectedStatus ? JSON.readTree(response.getBody()) : null;
    }

    /** What API Gateway hands the function after its JWT authorizer accepted a token of {@code tenant}. */
    private static APIGatewayV2HTTPEvent event(String routeKey, String path, String tenant, String body,
                                               Map<String, String> pathParameters, Map<String, String> headers) {
        Map<String, String> allHeaders = new HashMap<>(headers);
        allHeaders.put("content-type", "application/json");
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(path)
                .withHeaders(allHeaders)
                .withPathParameters(pathParameters)
                .withBody(body)
                .withIsBase64Encoded(false)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId(UUID.randomUUID().toString())
                        .withRouteKey(routeKey)
                        .withAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                                .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                                        .withClaims(Map.of("tenant_id", tenant)).build())
                                .build())
                        .build())
                .build();
    }

    @Override
    public void close() {
        if (pool instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                // the process ends after the benchmark anyway
            }
        }
    }

    /** A Lambda context for in-process calls: only the function name is read (into the log context). */
    private static final Context CONTEXT = new Context() {
        @Override public String getAwsRequestId() { return "bench"; }
        @Override public String getLogGroupName() { return "bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench-in-process"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 30_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return null; }
    };
}
