package dev.catalog.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catalog.local.lambda.FunctionDescription;
import dev.catalog.local.lambda.FunctionReference;
import dev.catalog.local.lambda.InvocationResult;
import dev.catalog.local.lambda.LambdaFunctions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Small real functions hosted the way the local runtime hosts handlers: the event is deserialized, the handler runs,
 * a thrown exception becomes the error document the Lambda Java runtime sends. The engine under test talks to them
 * through the same {@link LambdaFunctions} interface as to the runtime's function host.
 */
public final class TestFunctions implements LambdaFunctions {

    /** A business exception, as a handler would throw it: its class name becomes the Step Functions error name. */
    public static final class OrderRejected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OrderRejected(String message) {
            super(message);
        }
    }

    private final Map<String, UnaryOperator<JsonNode>> handlers = new ConcurrentHashMap<>();
    private final AtomicInteger flakyCalls = new AtomicInteger();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostRunningAtOnce = new AtomicInteger();

    public TestFunctions() {
        handlers.put("echo", event -> event);
        handlers.put("add", event -> number(event.get("a").intValue() + event.get("b").intValue()));
        handlers.put("reject", event -> {
            throw new OrderRejected("order " + event.path("orderId").asText() + " is rejected");
        });
        handlers.put("flaky", event -> {
            if (flakyCalls.incrementAndGet() <= event.path("failures").asInt()) {
                throw new IllegalStateException("transient failure " + flakyCalls.get());
            }
            return text("ok after " + flakyCalls.get() + " calls");
        });
        handlers.put("slow", event -> {
            sleep(Duration.ofMillis(event.path("millis").asLong(200)));
            return event;
        });
        handlers.put("double", event -> {
            int now = running.incrementAndGet();
            mostRunningAtOnce.accumulateAndGet(now, Math::max);
            try {
                sleep(Duration.ofMillis(200));
                return number(event.get("value").intValue() * 2);
            } finally {
                running.decrementAndGet();
            }
        });
    }

    public int mostRunningAtOnce() {
        return mostRunningAtOnce.get();
    }

    @Override
    public List<FunctionDescription> list() {
        return handlers.keySet().stream().sorted().map(name -> new FunctionDescription(name,
                new FunctionReference(name, null).arn("us-east-1", "000000000000"), "java21",
                "dev.catalog.test." + name + "::handleRequest", "arn:aws:iam::000000000000:role/test", 30, 512)).toList();
    }

    @Override
    public InvocationResult invoke(String functionName, String qualifier, byte[] payloadJson) {
        String version = qualifier == null ? "$LATEST" : qualifier;
        UnaryOperator<JsonNode> handler = handlers.get(functionName);
        if (handler == null) {
            return InvocationResult.ServiceError.functionNotFound(
                    new FunctionReference(functionName, qualifier).arn("us-east-1", "000000000000"));
        }
        try {
            JsonNode result = handler.apply(Json.parse(new String(payloadJson, StandardCharsets.UTF_8)));
            return new InvocationResult.Success(Json.text(result).getBytes(StandardCharsets.UTF_8), version);
        } catch (RuntimeException thrown) {
            return InvocationResult.FunctionError.fromThrowable(thrown, version);
        }
    }

    private static JsonNode number(int value) {
        return Json.MAPPER.getNodeFactory().numberNode(value);
    }

    private static JsonNode text(String value) {
        return Json.MAPPER.getNodeFactory().textNode(value);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
