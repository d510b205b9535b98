package dev.catalog.local.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a service log, for error messages that explain themselves. */
final class LogTail {

    /** Enough for the lines we show, without reading a log that grew over days. */
    private static final long MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String of(Path logFile, int lines) {
        try (InputStream in = Files.newInputStream(logFile)) {
            in.skipNBytes(Math.max(0, Files.size(logFile) - MAX_BYTES));
            // Services may write bytes that are not UTF-8: a garbled character beats an unreadable log.
            List<String> all = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
