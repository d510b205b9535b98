package dev.catalog.local.eventsources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.functions.InvocationResult;
import dev.catalog.local.functions.LambdaInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Invokes the hosted functions and keeps every event it passed and what came back, in order. */
final class RecordingInvoker implements LambdaInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LambdaInvoker functions;
    private final List<Invocation> invocations = new CopyOnWriteArrayList<>();
    private final List<String> started = new CopyOnWriteArrayList<>();

    RecordingInvoker(LambdaInvoker functions) {
        this.functions = functions;
    }

    @Override
    public InvocationResult invoke(String functionLogicalId, byte[] event) {
        Instant startedAt = Instant.now();
        started.add(functionLogicalId);
        InvocationResult result = functions.invoke(functionLogicalId, event);
        invocations.add(new Invocation(functionLogicalId, read(event), event.length, result, startedAt));
        return result;
    }

    /** Invocations of {@code function} begun, ended or not. */
    long begun(String function) {
        return started.stream().filter(function::equals).count();
    }

    /** Invocations of {@code function} that returned, with their result. */
    List<Invocation> of(String function) {
        return invocations.stream().filter(invocation -> invocation.function().equals(function)).toList();
    }

    /** Every record the function was given, in delivery order, duplicates included. */
    List<Delivered> deliveredTo(String function) {
        return of(function).stream().flatMap(invocation -> invocation.records().stream()).toList();
    }

    private static JsonNode read(byte[] event) {
        try {
            return JSON.readTree(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Invocation(String function, JsonNode event, int eventBytes, InvocationResult result, Instant started) {

        List<Delivered> records() {
            List<Delivered> records = new ArrayList<>();
            event.path("records").properties().forEach(partition -> partition.getValue().forEach(record ->
                    records.add(new Delivered(partition.getKey(), record.path("offset").asLong(),
                            new String(Base64.getDecoder().decode(record.path("value").asText()), StandardCharsets.UTF_8),
                            record.path("timestamp").asLong()))));
            return records;
        }
    }

    /**
     * @param partition {@code topic-partition}
     * @param timestamp the record's CreateTime, epoch ms
     */
    record Delivered(String partition, long offset, String value, long timestamp) {
    }
}
