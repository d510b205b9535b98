package dev.catalog.local.stepfunctions.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catalog.local.stepfunctions.Json;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An execution's history, one event per line (JSON Lines) in the shape {@code GetExecutionHistory} returns. Events go
 * to disk as they happen, so a long execution keeps no history in memory and a restart keeps what was recorded.
 *
 * <p>Writes use a plain {@link FileOutputStream}: an NIO channel would close itself when a thread that is being
 * cancelled (a stopped execution's) happens to write, losing the log for everyone.
 */
final class HistoryLog implements Closeable {

    private final Writer writer;
    private long lastEventId;

    private HistoryLog(Path file, long lastEventId) {
        try {
            this.writer = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(file.toFile(), true),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the execution history " + file, e);
        }
        this.lastEventId = lastEventId;
    }

    static HistoryLog create(Path file) {
        return new HistoryLog(file, 0);
    }

    /** Opens an existing history to append to it (an execution found RUNNING after a restart is closed this way). */
    static HistoryLog reopen(Path file) {
        return new HistoryLog(file, Files.exists(file) ? readAll(file).size() : 0);
    }

    long lastEventId() {
        return lastEventId;
    }

    /**
     * @param details the {@code <type>EventDetails} object, or {@code null} for event types that carry none
     */
    long append(String type, long previousEventId, Instant timestamp, ObjectNode details) {
        long id = lastEventId + 1;
        ObjectNode event = Json.object();
        event.put("timestamp", BigDecimal.valueOf(timestamp.toEpochMilli()).movePointLeft(3));
        event.put("type", type);
        event.put("id", id);
        event.put("previousEventId", previousEventId);
        if (details != null) {
            event.set(detailsField(type), details);
        }
        try {
            writer.write(Json.text(event));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the execution history", e);
        }
        lastEventId = id;
        return id;
    }

    /** {@code TaskStateEntered} → {@code stateEnteredEventDetails}; {@code TaskFailed} → {@code taskFailedEventDetails}. */
    static String detailsField(String type) {
        if (type.endsWith("StateEntered")) {
            return "stateEnteredEventDetails";
        }
        if (type.endsWith("StateExited")) {
            return "stateExitedEventDetails";
        }
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "EventDetails";
    }

    /** Reads every complete event (a line still being written is left out). */
    static List<JsonNode> readAll(Path file) {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the execution history " + file, e);
        }
        List<JsonNode> events = new ArrayList<>();
        int start = 0;
        for (int end = content.indexOf('\n'); end >= 0; end = content.indexOf('\n', start)) {
            events.add(Json.parse(content.substring(start, end)));
            start = end + 1;
        }
        return events;
    }

    @Override
    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the execution history", e);
        }
    }
}
