package dev.catalog.local.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catalog.local.stack.StackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code ./catalog up} leaves in {@code .local/run/stack.json} while it runs: its pid and ports, so the other
 * commands find the running stack (and {@code down} stops exactly that process).
 */
record StackRecord(long pid, Instant startedAt, StackPorts ports) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Path file(Path projectDir) {
        return projectDir.resolve(".local/run/stack.json");
    }

    void write(Path projectDir) {
        try {
            Path file = file(projectDir);
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(new Stored(pid, startedAt.toString(), ports)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the running stack", e);
        }
    }

    static void remove(Path projectDir) {
        try {
            Files.deleteIfExists(file(projectDir));
        } catch (IOException e) {
            // the next up overwrites it, and liveness is always checked by pid
        }
    }

    /** The stack recorded for this project, if its process is still alive (a stale record is ignored). */
    static Optional<StackRecord> running(Path projectDir) {
        Path file = file(projectDir);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Stored stored = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Stored.class);
            StackRecord record = new StackRecord(stored.pid(), Instant.parse(stored.startedAt()), stored.ports());
            return ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive).map(handle -> record);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    private record Stored(long pid, String startedAt, StackPorts ports) {
    }
}
