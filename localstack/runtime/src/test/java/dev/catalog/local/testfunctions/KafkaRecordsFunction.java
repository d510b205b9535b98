package dev.catalog.local.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Kafka consumer function, taking the event as Lambda's Java runtime gives it: a {@link KafkaEvent}. What it does
 * with a record is written in the record's value:
 * <ul>
 *   <li>{@code fail}: throws, failing the whole batch, every time; {@code fail-once}: the first time only;</li>
 *   <li>{@code reject}: reports the record in {@code batchItemFailures}; {@code reject-once}: the first time only;</li>
 *   <li>{@code identifier:<kind>}: reports an identifier Lambda cannot use (kinds: unknown-offset, unknown-partition,
 *       null, empty);</li>
 *   <li>{@code slow}: takes 50 ms; {@code stall}: 3 s;</li>
 *   <li>anything else: processed.</li>
 * </ul>
 * It answers with its batch item failures and, under {@code received}, each record as it decoded it.
 */
public class KafkaRecordsFunction implements RequestHandler<KafkaEvent, Map<String, Object>> {

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    @Override
    public Map<String, Object> handleRequest(KafkaEvent event, Context context) {
        List<Map<String, Object>> failures = new ArrayList<>();
        List<Map<String, Object>> received = new ArrayList<>();
        event.getRecords().forEach((partition, records) -> {
            for (KafkaEvent.KafkaEventRecord record : records) {
                String value = decode(record.getValue());
                received.add(decoded(partition, record, value));
                boolean firstTime = SEEN.add(partition + "@" + record.getOffset());
                switch (value) {
                    case "fail" -> throw new IllegalStateException("cannot process " + partition + "@" + record.getOffset());
                    case "fail-once" -> {
                        if (firstTime) {
                            throw new IllegalStateException("cannot process " + partition + "@" + record.getOffset() + " yet");
                        }
                    }
                    case "reject" -> failures.add(identifier(partition, record.getOffset()));
                    case "reject-once" -> {
                        if (firstTime) {
                            failures.add(identifier(partition, record.getOffset()));
                        }
                    }
                    case "identifier:unknown-offset" -> failures.add(identifier(partition, record.getOffset() + 1_000_000));
                    case "identifier:unknown-partition" -> failures.add(identifier(record.getTopic() + "-99", record.getOffset()));
                    case "identifier:null" -> {
                        Map<String, Object> failure = new HashMap<>();
                        failure.put("itemIdentifier", null);
                        failures.add(failure);
                    }
                    case "identifier:empty" -> failures.add(Map.of("itemIdentifier", Map.of()));
                    case "slow" -> sleep(Duration.ofMillis(50));
                    case "stall" -> sleep(Duration.ofSeconds(3));
                    default -> {
                    }
                }
            }
        });
        return Map.of("batchItemFailures", failures, "received", received);
    }

    private static Map<String, Object> identifier(String partition, long offset) {
        return Map.of("itemIdentifier", Map.of("partition", partition, "offset", offset));
    }

    private static Map<String, Object> decoded(String partition, KafkaEvent.KafkaEventRecord record, String value) {
        Map<String, Object> decoded = new LinkedHashMap<>();
        decoded.put("partition", partition);
        decoded.put("offset", record.getOffset());
        decoded.put("key", record.getKey() == null ? null : decode(record.getKey()));
        decoded.put("value", value);
        Map<String, String> headers = new LinkedHashMap<>();
        record.getHeaders().forEach(header -> header.forEach((name, bytes) ->
                headers.put(name, new String(bytes, StandardCharsets.UTF_8))));
        decoded.put("headers", headers);
        return decoded;
    }

    private static String decode(String base64) {
        return base64 == null ? null : new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
